package io.zrefresh.devserver;

import java.time.Duration;

/**
 * A refresh job as created. Its state is never stored: {@link #snapshotAt} derives it from the clock, so a job moves
 * Pending (first 10% of the job time) → InProgress (progress rising linearly, at most 99) → Completed (100) at the
 * job time, fails halfway when its collection's source is empty, and fails with reason {@code timeout} if it would
 * run past an hour. With a clock that does not go back, a terminal state never changes.
 *
 * @param jobTime       how long the job runs when nothing goes wrong, in milliseconds (at least 1)
 * @param failureReason why the job fails, or null when it succeeds
 */
record Job(
        long id,
        String database,
        String collection,
        ExternalSource source,
        long startTime,
        long jobTime,
        String failureReason) {

    static final long TIMEOUT_MILLIS = Duration.ofHours(1).toMillis();
    static final long RETENTION_MILLIS = Duration.ofHours(24).toMillis();

    JobSnapshot snapshotAt(long now) {
        long elapsed = now - startTime;
        long runTime = plannedRunTime();
        if (runTime > TIMEOUT_MILLIS && elapsed >= TIMEOUT_MILLIS) {
            return snapshot(
                    JobSnapshot.State.FAILED, progressAfter(TIMEOUT_MILLIS), startTime + TIMEOUT_MILLIS, "timeout");
        }
        if (elapsed >= runTime) {
            return failureReason == null
                    ? snapshot(JobSnapshot.State.COMPLETED, 100, startTime + runTime, null)
                    : snapshot(JobSnapshot.State.FAILED, progressAfter(runTime), startTime + runTime, failureReason);
        }
        if (elapsed < pendingTime()) {
            return snapshot(JobSnapshot.State.PENDING, 0, 0, null);
        }
        return snapshot(JobSnapshot.State.IN_PROGRESS, progressAfter(elapsed), 0, null);
    }

    /** Pending or InProgress at {@code now}. */
    boolean activeAt(long now) {
        return now < endTime();
    }

    /** Finished more than 24 hours before {@code now}: gone from describe and list. */
    boolean expiredAt(long now) {
        return now >= endTime() + RETENTION_MILLIS;
    }

    boolean belongsTo(CollectionMeta collection) {
        return database.equals(collection.database()) && this.collection.equals(collection.name());
    }

    private long endTime() {
        return startTime + Math.min(plannedRunTime(), TIMEOUT_MILLIS);
    }

    /** A job that is going to fail does so halfway. */
    private long plannedRunTime() {
        return failureReason == null ? jobTime : jobTime / 2;
    }

    private long pendingTime() {
        return jobTime / 10;
    }

    /** Linear over the running phase; stays below 100 because it is only asked for before the job time is up. */
    private int progressAfter(long elapsed) {
        long running = elapsed - pendingTime();
        return running <= 0 ? 0 : (int) (running * 100 / (jobTime - pendingTime()));
    }

    private JobSnapshot snapshot(JobSnapshot.State state, int progress, long endTime, String reason) {
        return new JobSnapshot(id, collection, state, progress, source, startTime, endTime, reason);
    }
}
