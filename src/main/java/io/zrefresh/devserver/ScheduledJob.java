package io.zrefresh.devserver;

import java.time.Duration;

/**
 * A refresh job as created, its whole course fixed at its start. Its state is never stored: {@link #snapshotAt}
 * derives it from the clock. A job is Pending for the first 10% of the job time, then InProgress with progress
 * rising linearly (at most 99), then Completed (100) at the job time; it fails halfway when its collection's source
 * is empty. Its {@link JobBehaviour} may stop it on the way, which moves its end by the stop's length. A job that
 * would run past an hour fails with reason {@code timeout} at the hour. With a clock that does not go back, a
 * terminal state never changes.
 *
 * @param jobTime       how long the job works when nothing goes wrong, in milliseconds (at least 1)
 * @param failureReason why the job fails, or null when it succeeds
 */
record ScheduledJob(
        long id,
        String database,
        String collection,
        ExternalSource source,
        long startTime,
        long jobTime,
        String failureReason,
        JobBehaviour behaviour) {

    static final Duration TIMEOUT = Duration.ofHours(1);
    static final long TIMEOUT_MILLIS = TIMEOUT.toMillis();
    static final long RETENTION_MILLIS = Duration.ofHours(24).toMillis();

    JobSnapshot snapshotAt(long now) {
        long elapsed = now - startTime;
        long runTime = runTime();
        if (runTime > TIMEOUT_MILLIS && elapsed >= TIMEOUT_MILLIS) {
            return snapshot(JobSnapshot.FAILED, progressAt(TIMEOUT_MILLIS), startTime + TIMEOUT_MILLIS, "timeout");
        }
        if (elapsed >= runTime) {
            return failureReason == null
                    ? snapshot(JobSnapshot.COMPLETED, 100, startTime + runTime, null)
                    : snapshot(JobSnapshot.FAILED, progressAt(runTime), startTime + runTime, failureReason);
        }
        if (stoppedAt(elapsed)) {
            return snapshot(behaviour.state(), behaviour.progress(), 0, null);
        }
        return workedBy(elapsed) < pendingTime()
                ? snapshot(JobSnapshot.PENDING, 0, 0, null)
                : snapshot(JobSnapshot.IN_PROGRESS, progressAt(elapsed), 0, null);
    }

    /** Not finished at {@code now}: Pending, InProgress, or stopped in its behaviour's state. */
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

    /** How long a job of this job time works before it ends: all of it, or half when it is going to fail. */
    static long workTime(long jobTime, boolean failing) {
        return failing ? jobTime / 2 : jobTime;
    }

    private long endTime() {
        return startTime + Math.min(runTime(), TIMEOUT_MILLIS);
    }

    /** From start to end, the stop included. */
    private long runTime() {
        return workTime(jobTime, failureReason != null) + stopLength();
    }

    private long pendingTime() {
        return jobTime / 10;
    }

    /** When the job reaches the behaviour's progress (the smallest work time at which it shows that much). */
    private long stopStart() {
        long running = jobTime - pendingTime();
        return pendingTime() + (behaviour.progress() * running + 99) / 100;
    }

    /** The behaviour's stop, unless the job ends (fails halfway) before reaching it. */
    private long stopLength() {
        return stopStart() < workTime(jobTime, failureReason != null)
                ? behaviour.stop().toMillis()
                : 0;
    }

    private boolean stoppedAt(long elapsed) {
        return elapsed >= stopStart() && elapsed < stopStart() + stopLength();
    }

    /** Time spent working by {@code elapsed}: the stop does not count. */
    private long workedBy(long elapsed) {
        return elapsed < stopStart() ? elapsed : Math.max(stopStart(), elapsed - stopLength());
    }

    /** Linear over the running phase; stays below 100 because it is only asked for before the work is done. */
    private int progressAt(long elapsed) {
        if (stoppedAt(elapsed)) {
            return behaviour.progress();
        }
        long running = workedBy(elapsed) - pendingTime();
        return running <= 0 ? 0 : (int) (running * 100 / (jobTime - pendingTime()));
    }

    private JobSnapshot snapshot(String state, int progress, long endTime, String reason) {
        return new JobSnapshot(id, collection, state, progress, source, startTime, endTime, reason);
    }
}
