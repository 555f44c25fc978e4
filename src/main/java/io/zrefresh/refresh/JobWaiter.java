package io.zrefresh.refresh;

import io.zrefresh.api.ApiException;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * All the waiting of one command: polls describe until a job ends, and pauses the trigger flow
 * between its attempts. The only owner of clock, sleeper, poll interval and deadline, so every
 * wait honours --timeout. One describe per interval on the caller's client, so a long wait
 * reuses one connection. A poll that fails in a retryable way does not end the wait: polls go on
 * with backoff until the deadline or, without one, until the failures have lasted --max-outage.
 * Interrupting the thread ends a wait with {@link InterruptedException}; the job keeps running.
 */
public final class JobWaiter {

    /** The longest pause between two polls while the server cannot be reached. */
    static final Duration MAX_OUTAGE_BACKOFF = Duration.ofSeconds(30);

    private final RefreshApi api;
    private final Clock clock;
    private final Sleeper sleeper;
    private final WaitPolicy policy;
    private final Instant deadline;

    /** The deadline (--timeout) counts from now: it covers all the waiting of the command. */
    public JobWaiter(RefreshApi api, Clock clock, Sleeper sleeper, WaitPolicy policy) {
        this.api = api;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
        this.deadline = policy.timeout() == null ? null : clock.instant().plus(policy.timeout());
    }

    public WaitPolicy policy() {
        return policy;
    }

    /**
     * Sleeps for {@code pause}, or until the deadline when that comes first.
     *
     * @return false, without sleeping, when the deadline has passed
     */
    public boolean pause(Duration pause) throws InterruptedException {
        Duration left = timeLeft();
        if (left != null && (left.isNegative() || left.isZero())) {
            return false;
        }
        sleeper.sleep(left == null ? pause : shorter(pause, left));
        return true;
    }

    /** Polls the job until it ends, the deadline passes, it stalls, or the server stays unreachable. */
    public WaitResult await(JobId jobId, RefreshListener listener) throws ApiException, InterruptedException {
        listener.waitStarted(jobId);
        try {
            return poll(jobId, listener);
        } catch (InterruptedException interrupted) {
            throw new InterruptedException(
                    "job " + jobId + " keeps running on the server. Follow it with: zrefresh wait --job-id " + jobId);
        } finally {
            listener.waitEnded(jobId);
        }
    }

    private WaitResult poll(JobId jobId, RefreshListener listener) throws ApiException, InterruptedException {
        Instant started = clock.instant();
        Job last = null;
        Instant lastChange = started;
        Instant outageSince = null;
        Duration backoff = Duration.ZERO;
        while (true) {
            Job job;
            try {
                job = api.describe(jobId);
            } catch (ApiException failed) {
                if (!failed.isTransient()) {
                    throw failed;
                }
                Instant now = clock.instant();
                listener.pollFailed(jobId, failed);
                if (outageSince == null) {
                    outageSince = now;
                    listener.unreachable(jobId, now, failed);
                }
                if (deadline != null && !now.isBefore(deadline)) {
                    return WaitResult.timedOut(jobId, last);
                }
                Instant givingUp = outageSince.plus(policy.maxOutage());
                if (deadline == null && !now.isBefore(givingUp)) {
                    return new WaitResult(jobId, last, WaitResult.Outcome.UNREACHABLE, failed, null);
                }
                backoff =
                        shorter(MAX_OUTAGE_BACKOFF, backoff.isZero() ? policy.pollInterval() : backoff.multipliedBy(2));
                pause(deadline == null ? shorter(backoff, Duration.between(now, givingUp)) : backoff);
                continue;
            }
            Instant now = clock.instant();
            if (outageSince != null) {
                Duration outage = Duration.between(outageSince, now);
                listener.reachable(jobId, outage);
                // Time the server could not be asked is not time the job stood still.
                lastChange = lastChange.plus(outage);
                outageSince = null;
                backoff = Duration.ZERO;
            }
            listener.polled(job, Duration.between(started, now));
            if (last == null || !job.stateName().equals(last.stateName()) || job.progress() != last.progress()) {
                lastChange = now;
            }
            last = job;
            if (job.state().isTerminal()) {
                return WaitResult.ended(jobId, job);
            }
            if (deadline != null && !now.isBefore(deadline)) {
                return WaitResult.timedOut(jobId, job);
            }
            Duration still = Duration.between(lastChange, now);
            if (policy.stallTimeout() != null && still.compareTo(policy.stallTimeout()) >= 0) {
                return new WaitResult(jobId, job, WaitResult.Outcome.STALLED, null, still);
            }
            pause(
                    policy.stallTimeout() == null
                            ? policy.pollInterval()
                            : shorter(
                                    policy.pollInterval(), policy.stallTimeout().minus(still)));
        }
    }

    /** Until the deadline, or null without one. */
    private Duration timeLeft() {
        return deadline == null ? null : Duration.between(clock.instant(), deadline);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
