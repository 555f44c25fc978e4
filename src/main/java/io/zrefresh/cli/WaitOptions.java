package io.zrefresh.cli;

import io.zrefresh.refresh.WaitPolicy;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How trigger and wait wait: --timeout, --poll-interval, --max-outage, --stall-timeout. */
final class WaitOptions {

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description = "Give up waiting after this long (exit 9; the job keeps running). "
                    + "Default: wait until the job ends.")
    Duration timeout;

    @Option(
            names = "--poll-interval",
            paramLabel = "DURATION",
            defaultValue = "2s",
            converter = Converters.PollIntervalConverter.class,
            description = "Time between two describes of the job (default: ${DEFAULT-VALUE}, minimum: 500ms).")
    Duration pollInterval;

    @Option(
            names = "--max-outage",
            paramLabel = "DURATION",
            defaultValue = "5m",
            converter = Converters.DurationConverter.class,
            description = "Without --timeout: how long polls may fail (server unreachable, 5xx, rate limited) "
                    + "before the wait gives up with exit 6 (default: ${DEFAULT-VALUE}).")
    Duration maxOutage;

    @Option(
            names = "--stall-timeout",
            paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description = "End the wait (exit 9) when the job shows neither a new state nor new progress for "
                    + "this long. Default: off.")
    Duration stallTimeout;

    WaitPolicy policy() {
        return new WaitPolicy(pollInterval, timeout, maxOutage, stallTimeout);
    }
}
