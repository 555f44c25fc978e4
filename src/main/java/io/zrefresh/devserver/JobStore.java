package io.zrefresh.devserver;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The refresh jobs of a dev server. All methods are atomic, so an overlap check and the job it allows cannot interleave. */
final class JobStore {

    /** Milvus TSO ids: physical milliseconds shifted left by 18 bits, plus a logical counter. */
    private static final int LOGICAL_BITS = 18;
    /** Seeded jobs spread over this span before now, so none is old enough to have expired. */
    private static final long SEED_SPAN_MILLIS = Duration.ofHours(20).toMillis();

    private static final Comparator<JobSnapshot> NEWEST_FIRST = Comparator.comparingLong(JobSnapshot::startTime)
            .thenComparingLong(JobSnapshot::jobId)
            .reversed();

    private final Clock clock;
    private final long jobTimeMillis;
    private final Map<Long, ScheduledJob> jobs = new HashMap<>();
    private long lastCreatedId;
    private volatile boolean overlapCheck = true;

    JobStore(Clock clock, Duration jobTime) {
        this.clock = clock;
        this.jobTimeMillis = jobTime.toMillis();
    }

    /** Off: refreshes are accepted while another job of the collection is active, as a server without the 703 check. */
    void setOverlapCheck(boolean enabled) {
        overlapCheck = enabled;
    }

    boolean overlapCheck() {
        return overlapCheck;
    }

    /** Creates a job reading {@code source}, unless one of the collection's jobs is still active (code 703). */
    synchronized ScheduledJob start(CollectionMeta collection, ExternalSource source) throws ApiError {
        long now = clock.millis();
        jobs.values().removeIf(job -> job.expiredAt(now));
        if (overlapCheck) {
            Optional<ScheduledJob> active = jobs.values().stream()
                    .filter(job -> job.belongsTo(collection) && job.activeAt(now))
                    .max(Comparator.comparingLong(ScheduledJob::startTime).thenComparingLong(ScheduledJob::id));
            if (active.isPresent()) {
                throw ApiError.refreshInProgress(active.get().id(), collection.name());
            }
        }
        lastCreatedId = unusedIdFrom(Math.max(lastCreatedId + 1, now << LOGICAL_BITS));
        String failure = collection.refreshesFail() ? source.noFilesFound() : null;
        return add(new ScheduledJob(
                lastCreatedId,
                collection.database(),
                collection.name(),
                source,
                now,
                jobTimeMillis,
                failure,
                collection.jobBehaviour()));
    }

    /** The job as it is now, unless unknown or expired. */
    synchronized Optional<JobSnapshot> describe(long jobId) {
        long now = clock.millis();
        return Optional.ofNullable(jobs.get(jobId))
                .filter(job -> !job.expiredAt(now))
                .map(job -> job.snapshotAt(now));
    }

    /** The jobs matching {@code filter} as they are now, newest start first (ties: higher id first). */
    synchronized List<JobSnapshot> list(Predicate<ScheduledJob> filter) {
        long now = clock.millis();
        return jobs.values().stream()
                .filter(job -> filter.test(job) && !job.expiredAt(now))
                .map(job -> job.snapshotAt(now))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    /**
     * Adds {@code count} jobs of the collection that finished before now, with distinct start times spread over
     * the last hours and ids that match their start times, as if created by earlier refreshes. They end as the
     * collection's refreshes do.
     */
    synchronized void seed(CollectionMeta collection, ExternalSource source, int count) {
        long now = clock.millis();
        long spacing = Math.max(1, SEED_SPAN_MILLIS / Math.max(1, count));
        String failure = collection.refreshesFail() ? source.noFilesFound() : null;
        for (int i = 1; i <= count; i++) {
            seeded(collection, source, now - jobTimeMillis - i * spacing, failure);
        }
    }

    /**
     * Adds one job of the collection that ended at {@code endTime} (Unix ms), Completed or, with {@code failed},
     * Failed with the reason of an empty source.
     *
     * @throws IllegalArgumentException when it would end in the future or have expired already
     */
    synchronized long seedFinished(CollectionMeta collection, ExternalSource source, boolean failed, long endTime) {
        long now = clock.millis();
        if (endTime > now || endTime <= now - ScheduledJob.RETENTION_MILLIS) {
            throw new IllegalArgumentException("a seeded job must have ended within the 24 hours before the server's"
                    + " now (" + now + "), not at " + endTime);
        }
        long start = endTime - ScheduledJob.workTime(jobTimeMillis, failed);
        return seeded(collection, source, start, failed ? source.noFilesFound() : null)
                .id();
    }

    private ScheduledJob seeded(CollectionMeta collection, ExternalSource source, long start, String failure) {
        return add(new ScheduledJob(
                unusedIdFrom(start << LOGICAL_BITS),
                collection.database(),
                collection.name(),
                source,
                start,
                jobTimeMillis,
                failure,
                JobBehaviour.normal()));
    }

    private ScheduledJob add(ScheduledJob job) {
        jobs.put(job.id(), job);
        return job;
    }

    private long unusedIdFrom(long candidate) {
        long id = candidate;
        while (jobs.containsKey(id)) {
            id++;
        }
        return id;
    }
}
