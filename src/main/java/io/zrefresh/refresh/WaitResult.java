package io.zrefresh.refresh;

import io.zrefresh.api.ApiException;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.job.JobState;
import java.time.Duration;
import java.util.Optional;

/**
 * How a wait ended.
 *
 * @param jobId       the job waited for; null only when the server refused a refresh as a duplicate
 *                    of a job it did not name, and the trigger ran out of time retrying
 * @param job         the job as last seen; null when no poll ever answered
 * @param outage      for {@link Outcome#UNREACHABLE}: the failure of the last poll, else null
 * @param stalledFor  for {@link Outcome#STALLED}: how long the job showed no change, else null
 */
public record WaitResult(JobId jobId, Job job, Outcome outcome, ApiException outage, Duration stalledFor) {

    public enum Outcome {
        /** The job is RefreshCompleted. */
        COMPLETED,
        /** The job is RefreshFailed. */
        FAILED,
        /** The command's --timeout ran out; the job goes on. */
        TIMED_OUT,
        /** Neither state nor progress changed for --stall-timeout; the job goes on. */
        STALLED,
        /** Polls failed for --max-outage; the job may still be running. */
        UNREACHABLE
    }

    static WaitResult ended(JobId jobId, Job job) {
        Outcome outcome = job.state() == JobState.COMPLETED ? Outcome.COMPLETED : Outcome.FAILED;
        return new WaitResult(jobId, job, outcome, null, null);
    }

    static WaitResult timedOut(JobId jobId, Job lastSeen) {
        return new WaitResult(jobId, lastSeen, Outcome.TIMED_OUT, null, null);
    }

    public Optional<Job> lastSeen() {
        return Optional.ofNullable(job);
    }

    /** The job ended, well or not; otherwise it may still be running. */
    public boolean jobEnded() {
        return outcome == Outcome.COMPLETED || outcome == Outcome.FAILED;
    }
}
