package io.zrefresh.refresh;

import io.zrefresh.api.ApiException;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.job.JobState;
import io.zrefresh.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls describe until the job ends or the deadline passes. One describe per interval, all on the
 * caller's client, so a long wait reuses one connection. Interrupting the thread ends the wait
 * with {@link InterruptedException}; the job keeps running on the server.
 */
public final class JobWaiter {

    /** Sees every poll's answer, e.g. to draw progress. */
    @FunctionalInterface
    public interface Listener {
        void polled(Job job, Duration waited);
    }

    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(500);

    private final RefreshApi api;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;

    public JobWaiter(RefreshApi api, Clock clock, Sleeper sleeper, Duration pollInterval) {
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "the poll interval must be at least " + MIN_POLL_INTERVAL.toMillis() + "ms");
        }
        this.api = api;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
    }

    /**
     * @param deadline when to give up, or null to wait until the job ends
     */
    public WaitResult await(JobId jobId, Instant deadline, Listener listener)
            throws ApiException, InterruptedException {
        Instant started = clock.instant();
        while (true) {
            Job job = api.describe(jobId);
            Instant now = clock.instant();
            listener.polled(job, Duration.between(started, now));
            JobState state = job.state();
            if (state == JobState.COMPLETED) {
                return new WaitResult(job, WaitResult.Outcome.COMPLETED);
            }
            if (state == JobState.FAILED) {
                return new WaitResult(job, WaitResult.Outcome.FAILED);
            }
            Duration pause = pollInterval;
            if (deadline != null) {
                Duration left = Duration.between(now, deadline);
                if (left.isNegative() || left.isZero()) {
                    return new WaitResult(job, WaitResult.Outcome.TIMED_OUT);
                }
                pause = left.compareTo(pause) < 0 ? left : pause;
            }
            sleeper.sleep(pause);
        }
    }
}
