package io.zrefresh.refresh;

import io.zrefresh.api.ApiException;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sees what a trigger or a wait does, as it happens: the progress display, the messages for
 * people, event streams and CI logs are listeners. Every method does nothing unless overridden.
 */
public interface RefreshListener {

    RefreshListener NONE = new RefreshListener() {};

    /** The guard read the collection's jobs; {@code active} is the one that blocks a refresh, if any. */
    default void guarded(String collection, Optional<Job> active) {}

    /**
     * A refresh started job {@code jobId}; {@code lostAnswer} is the failure that lost the server's
     * answer when the job was found by listing instead.
     */
    default void triggered(String collection, JobId jobId, Optional<ApiException> lostAnswer) {}

    /** Nothing was sent: job {@code jobId} stands for the collection's refresh. */
    default void skipped(String collection, JobId jobId, SkipReason reason) {}

    /** --on-active wait: the trigger waits for this active job to end first. */
    default void waitingForActive(String collection, JobId activeJobId) {}

    /**
     * --on-active wait: the server refused the refresh as a duplicate without naming the job, and
     * no active job is listed; the refresh is sent again after {@code pause}.
     */
    default void retryingUnnamedActive(String collection, String serverMessage, Duration pause) {}

    /** A wait for this job begins; {@link #waitEnded} follows whatever happens. */
    default void waitStarted(JobId jobId) {}

    /** A poll answered. */
    default void polled(Job job, Duration waited) {}

    /** A poll failed in a way worth trying again. */
    default void pollFailed(JobId jobId, ApiException failure) {}

    /** The first failed poll of an outage. */
    default void unreachable(JobId jobId, Instant since, ApiException failure) {}

    /** A poll answered again after an outage. */
    default void reachable(JobId jobId, Duration outage) {}

    default void waitEnded(JobId jobId) {}

    /** Why nothing was sent for a collection. */
    enum SkipReason {
        /** --on-active skip found an active job. */
        ACTIVE
    }
}
