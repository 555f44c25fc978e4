package io.zrefresh.refresh;

import java.time.Duration;

/**
 * How long and how often a command waits: for its own job, for an active job it must not overlap,
 * and through outages of the server.
 *
 * @param pollInterval time between two describes of a job
 * @param timeout      all the waiting of one command, or null to wait until the job ends
 * @param maxOutage    how long polls may fail in a retryable way before the wait gives up (when no
 *                     timeout is set)
 * @param stallTimeout how long a job may show neither a new state nor new progress, or null for no limit
 */
public record WaitPolicy(Duration pollInterval, Duration timeout, Duration maxOutage, Duration stallTimeout) {

    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(500);

    public WaitPolicy {
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "the poll interval must be at least " + MIN_POLL_INTERVAL.toMillis() + "ms");
        }
    }
}
