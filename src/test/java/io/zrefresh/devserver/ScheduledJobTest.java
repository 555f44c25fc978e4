package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lifecycle arithmetic at its edges, including job times too short for whole percent steps, and the stops. */
class ScheduledJobTest {

    private static final ExternalSource SOURCE = new ExternalSource("s3://b/", "{}");

    @Test
    void oneMillisecondJobIsPendingForNoTimeAndCompletesAfterOne() {
        ScheduledJob job = job(1000, 1, null, JobBehaviour.normal());

        assertThat(job.snapshotAt(1000).state()).isEqualTo(JobSnapshot.IN_PROGRESS);
        assertThat(job.snapshotAt(1000).progress()).isZero();
        assertThat(job.snapshotAt(1001).state()).isEqualTo(JobSnapshot.COMPLETED);
        assertThat(job.snapshotAt(1001).endTime()).isEqualTo(1001);
    }

    @Test
    void progressNeverReaches100BeforeCompletion() {
        ScheduledJob job = job(0, 1_000, null, JobBehaviour.normal());

        for (long now = 0; now < 1_000; now++) {
            assertThat(job.snapshotAt(now).progress()).isBetween(0, 99);
        }
        assertThat(job.snapshotAt(1_000).progress()).isEqualTo(100);
    }

    @Test
    void activeUntilTheEndAndExpiredOnlyADayAfterIt() {
        ScheduledJob job = job(0, 10_000, "no files", JobBehaviour.normal());

        assertThat(job.activeAt(4_999)).isTrue();
        assertThat(job.activeAt(5_000)).isFalse();
        assertThat(job.expiredAt(5_000 + ScheduledJob.RETENTION_MILLIS - 1)).isFalse();
        assertThat(job.expiredAt(5_000 + ScheduledJob.RETENTION_MILLIS)).isTrue();
    }

    @Test
    void jobBelongsOnlyToItsCollectionInItsDatabase() {
        ScheduledJob job = new ScheduledJob(1, "analytics", "ext_events", SOURCE, 0, 10, null, JobBehaviour.normal());

        assertThat(job.belongsTo(CollectionMeta.external("analytics", "ext_events", SOURCE)))
                .isTrue();
        assertThat(job.belongsTo(CollectionMeta.external("default", "ext_events", SOURCE)))
                .isFalse();
        assertThat(job.belongsTo(CollectionMeta.external("analytics", "ext_books", SOURCE)))
                .isFalse();
    }

    @Test
    void aPlateauHoldsTheProgressForItsDurationThenTheJobFinishesThatMuchLater() {
        ScheduledJob job = job(0, 10_000, null, JobBehaviour.plateau(95, Duration.ofSeconds(60)));

        assertSnapshot(job, 9_549, JobSnapshot.IN_PROGRESS, 94);
        assertSnapshot(job, 9_550, JobSnapshot.IN_PROGRESS, 95);
        assertSnapshot(job, 69_549, JobSnapshot.IN_PROGRESS, 95);
        assertSnapshot(job, 69_550, JobSnapshot.IN_PROGRESS, 95);
        assertSnapshot(job, 69_999, JobSnapshot.IN_PROGRESS, 99);
        assertThat(job.activeAt(69_999)).isTrue();
        assertSnapshot(job, 70_000, JobSnapshot.COMPLETED, 100);
        assertThat(job.snapshotAt(70_000).endTime()).isEqualTo(70_000);
    }

    @Test
    void aJobThatNeverFinishesIsInProgressUntilTheHourThenFailsWithTimeout() {
        ScheduledJob job = job(0, 10_000, null, JobBehaviour.neverFinishing(60));
        long hour = ScheduledJob.TIMEOUT_MILLIS;

        assertSnapshot(job, hour - 1, JobSnapshot.IN_PROGRESS, 60);
        assertThat(job.activeAt(hour - 1)).isTrue();
        JobSnapshot failed = job.snapshotAt(hour);
        assertThat(failed.state()).isEqualTo(JobSnapshot.FAILED);
        assertThat(failed.progress()).isEqualTo(60);
        assertThat(failed.endTime()).isEqualTo(hour);
        assertThat(failed.reason()).isEqualTo("timeout");
        assertThat(job.activeAt(hour)).isFalse();
    }

    @Test
    void anUnknownStateFollowsPendingForItsDurationThenTheJobGoesOn() {
        ScheduledJob job = job(0, 10_000, null, JobBehaviour.unknownState("RefreshValidating", Duration.ofSeconds(5)));

        assertSnapshot(job, 999, JobSnapshot.PENDING, 0);
        assertSnapshot(job, 1_000, "RefreshValidating", 0);
        assertSnapshot(job, 5_999, "RefreshValidating", 0);
        assertThat(job.snapshotAt(5_999).endTime()).isZero();
        assertSnapshot(job, 6_000, JobSnapshot.IN_PROGRESS, 0);
        assertSnapshot(job, 14_999, JobSnapshot.IN_PROGRESS, 99);
        assertSnapshot(job, 15_000, JobSnapshot.COMPLETED, 100);
    }

    @Test
    void aJobThatFailsBeforeItsPlateauFailsOnTime() {
        ScheduledJob job = job(0, 10_000, "no files", JobBehaviour.plateau(95, Duration.ofMinutes(5)));

        assertSnapshot(job, 5_000, JobSnapshot.FAILED, 44);
        assertThat(job.snapshotAt(5_000).endTime()).isEqualTo(5_000);
    }

    @Test
    void behavioursThatCannotHappenAreRejected() {
        assertThatThrownBy(() -> JobBehaviour.plateau(100, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobBehaviour.plateau(50, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobBehaviour.unknownState("RefreshCompleted", Duration.ofSeconds(1)))
                .hasMessageContaining("terminal states never change");
        assertThatThrownBy(() -> JobBehaviour.unknownState("RefreshInProgress", Duration.ofSeconds(1)))
                .hasMessageContaining("a state clients know");
    }

    private static ScheduledJob job(long start, long jobTime, String failureReason, JobBehaviour behaviour) {
        return new ScheduledJob(1, "default", "c", SOURCE, start, jobTime, failureReason, behaviour);
    }

    private static void assertSnapshot(ScheduledJob job, long now, String state, int progress) {
        JobSnapshot snapshot = job.snapshotAt(now);
        assertThat(snapshot.state()).as("state at %d", now).isEqualTo(state);
        assertThat(snapshot.progress()).as("progress at %d", now).isEqualTo(progress);
    }
}
