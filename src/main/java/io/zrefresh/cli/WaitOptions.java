package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.refresh.JobWaiter;
import io.zrefresh.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** --timeout and --poll-interval, shared by wait and trigger. */
final class WaitOptions {

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description =
                    "Give up waiting after this long (exit 9; the job keeps running). Default: wait until the job ends.")
    Duration timeout;

    @Option(
            names = "--poll-interval",
            paramLabel = "DURATION",
            defaultValue = "2s",
            converter = Converters.DurationConverter.class,
            description = "Time between two describes of the job (default: 2s, minimum: 500ms).")
    Duration pollInterval;

    /** Checks the values; call before anything is sent. */
    void validate() throws UsageException {
        if (pollInterval.compareTo(JobWaiter.MIN_POLL_INTERVAL) < 0) {
            throw new UsageException("--poll-interval must be at least 500ms, got " + Durations.brief(pollInterval));
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new UsageException("--timeout must be longer than 0");
        }
    }

    /** A waiter polling at --poll-interval on the world's clock. */
    JobWaiter waiter(RefreshApi api, World world) {
        return new JobWaiter(api, world.clock(), world.sleeper(), pollInterval);
    }

    /** When all waiting must end, counted from now; null without --timeout. */
    Instant deadline(Clock clock) {
        return timeout == null ? null : clock.instant().plus(timeout);
    }
}
