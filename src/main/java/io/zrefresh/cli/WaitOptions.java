package io.zrefresh.cli;

import io.zrefresh.refresh.WaitPolicy;
import io.zrefresh.time.Durations;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;

/** How trigger and wait wait: --timeout, --poll-interval, --max-outage, --stall-timeout. */
final class WaitOptions {

    Duration timeout;
    Duration pollInterval;
    Duration maxOutage;
    Duration stallTimeout;

    WaitOptions(CommandSpec command) {
        command.addOption(Specs.option(Duration.class, value -> timeout = value, "--timeout")
                .paramLabel("DURATION")
                .converters(new Converters.DurationConverter())
                .description("Give up waiting after this long (exit 9; the job keeps running). "
                        + "Default: wait until the job ends.")
                .build());
        command.addOption(Specs.option(Duration.class, value -> pollInterval = value, "--poll-interval")
                .paramLabel("DURATION")
                .defaultValue("2s")
                .converters(new Converters.PollIntervalConverter())
                .description("Time between two describes of the job (default: ${DEFAULT-VALUE}, minimum: "
                        + Durations.brief(WaitPolicy.MIN_POLL_INTERVAL) + ").")
                .build());
        command.addOption(Specs.option(Duration.class, value -> maxOutage = value, "--max-outage")
                .paramLabel("DURATION")
                .defaultValue("5m")
                .converters(new Converters.DurationConverter())
                .description("Without --timeout: how long polls may fail (server unreachable, 5xx, rate limited) "
                        + "before the wait gives up with exit 6 (default: ${DEFAULT-VALUE}).")
                .build());
        command.addOption(Specs.option(Duration.class, value -> stallTimeout = value, "--stall-timeout")
                .paramLabel("DURATION")
                .converters(new Converters.DurationConverter())
                .description("End the wait (exit 9) when the job shows neither a new state nor new progress for "
                        + "this long. Default: off.")
                .build());
    }

    WaitPolicy policy() {
        return new WaitPolicy(pollInterval, timeout, maxOutage, stallTimeout);
    }
}
