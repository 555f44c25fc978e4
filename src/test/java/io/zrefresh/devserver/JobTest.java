package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lifecycle arithmetic at its edges, including job times too short for whole percent steps. */
class JobTest {

    private static final ExternalSource SOURCE = new ExternalSource("s3://b/", "{}");

    @Test
    void oneMillisecondJobIsPendingForNoTimeAndCompletesAfterOne() {
        Job job = new Job(1, "default", "c", SOURCE, 1000, 1, null);

        assertThat(job.snapshotAt(1000).state()).isEqualTo(JobSnapshot.State.IN_PROGRESS);
        assertThat(job.snapshotAt(1000).progress()).isZero();
        assertThat(job.snapshotAt(1001).state()).isEqualTo(JobSnapshot.State.COMPLETED);
        assertThat(job.snapshotAt(1001).endTime()).isEqualTo(1001);
    }

    @Test
    void progressNeverReaches100BeforeCompletion() {
        Job job = new Job(1, "default", "c", SOURCE, 0, 1_000, null);

        for (long now = 0; now < 1_000; now++) {
            assertThat(job.snapshotAt(now).progress()).isBetween(0, 99);
        }
        assertThat(job.snapshotAt(1_000).progress()).isEqualTo(100);
    }

    @Test
    void activeUntilTheEndAndExpiredOnlyADayAfterIt() {
        Job job = new Job(1, "default", "c", SOURCE, 0, 10_000, "no files");

        assertThat(job.activeAt(4_999)).isTrue();
        assertThat(job.activeAt(5_000)).isFalse();
        assertThat(job.expiredAt(5_000 + Job.RETENTION_MILLIS - 1)).isFalse();
        assertThat(job.expiredAt(5_000 + Job.RETENTION_MILLIS)).isTrue();
    }

    @Test
    void jobBelongsOnlyToItsCollectionInItsDatabase() {
        Job job = new Job(1, "analytics", "ext_events", SOURCE, 0, 10, null);

        assertThat(job.belongsTo(CollectionMeta.external("analytics", "ext_events", SOURCE)))
                .isTrue();
        assertThat(job.belongsTo(CollectionMeta.external("default", "ext_events", SOURCE)))
                .isFalse();
        assertThat(job.belongsTo(CollectionMeta.external("analytics", "ext_books", SOURCE)))
                .isFalse();
    }
}
