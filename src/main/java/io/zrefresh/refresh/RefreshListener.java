package io.zrefresh.refresh;

import io.zrefresh.api.ApiException;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sees what a trigger, a wait or a watch does, as it happens: the progress display, the messages
 * for people, event streams and CI logs are listeners. Every method does nothing unless overridden.
 */
public interface RefreshListener {

    /** Each event goes to each of these listeners, in this order. */
    static RefreshListener all(List<RefreshListener> listeners) {
        return new RefreshListener() {
            @Override
            public void guarded(String collection, Optional<Job> active) {
                listeners.forEach(listener -> listener.guarded(collection, active));
            }

            @Override
            public void triggered(String collection, JobId jobId, Optional<ApiException> lostAnswer) {
                listeners.forEach(listener -> listener.triggered(collection, jobId, lostAnswer));
            }

            @Override
            public void skipped(String collection, JobId jobId, SkipReason reason) {
                listeners.forEach(listener -> listener.skipped(collection, jobId, reason));
            }

            @Override
            public void waitingForActive(String collection, JobId activeJobId) {
                listeners.forEach(listener -> listener.waitingForActive(collection, activeJobId));
            }

            @Override
            public void retryingUnnamedActive(String collection, String serverMessage, Duration pause) {
                listeners.forEach(listener -> listener.retryingUnnamedActive(collection, serverMessage, pause));
            }

            @Override
            public void waitStarted(JobId jobId) {
                listeners.forEach(listener -> listener.waitStarted(jobId));
            }

            @Override
            public void polled(Job job, Duration waited) {
                listeners.forEach(listener -> listener.polled(job, waited));
            }

            @Override
            public void pollFailed(JobId jobId, ApiException failure) {
                listeners.forEach(listener -> listener.pollFailed(jobId, failure));
            }

            @Override
            public void unreachable(JobId jobId, Instant since, ApiException failure) {
                listeners.forEach(listener -> listener.unreachable(jobId, since, failure));
            }

            @Override
            public void reachable(JobId jobId, Duration outage) {
                listeners.forEach(listener -> listener.reachable(jobId, outage));
            }

            @Override
            public void waitEnded(JobId jobId) {
                listeners.forEach(listener -> listener.waitEnded(jobId));
            }
        };
    }

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

    /** A poll answered with the job; a watched list calls it for each job that appeared or changed. */
    default void polled(Job job, Duration waited) {}

    /** A poll failed in a way worth trying again; {@code jobId} is null for the poll of a watched list. */
    default void pollFailed(JobId jobId, ApiException failure) {}

    /** The first failed poll of an outage; {@code jobId} is null for the poll of a watched list. */
    default void unreachable(JobId jobId, Instant since, ApiException failure) {}

    /** A poll answered again after an outage; {@code jobId} is null for the poll of a watched list. */
    default void reachable(JobId jobId, Duration outage) {}

    default void waitEnded(JobId jobId) {}
}
