package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lifecycle as clients see it through describe, on a manual clock (exact) and on the system clock (real time). */
class JobLifecycleTest extends DevServerTestCase {

    @Test
    void jobGoesPendingThenInProgressThenCompletedAtTheJobTime() throws Exception {
        long jobId = client.startRefresh("ext_books");

        clock.advance(Duration.ofMillis(999));
        assertJob(client.describe(jobId).data(), "RefreshPending", 0, 0);

        clock.advance(Duration.ofMillis(1));
        assertJob(client.describe(jobId).data(), "RefreshInProgress", 0, 0);

        clock.advance(Duration.ofMillis(3780)); // 4.78 s in: 3.78 s of 9 s running
        assertJob(client.describe(jobId).data(), "RefreshInProgress", 42, 0);

        clock.advance(Duration.ofMillis(5219)); // 1 ms before the end
        assertJob(client.describe(jobId).data(), "RefreshInProgress", 99, 0);

        clock.advance(Duration.ofMillis(1));
        JsonNode done = client.describe(jobId).data();
        assertJob(done, "RefreshCompleted", 100, START + 10_000);
        assertThat(done.has("reason")).isFalse();

        clock.advance(Duration.ofHours(2));
        assertThat(client.describe(jobId).data())
                .as("terminal states never change")
                .isEqualTo(done);
    }

    @Test
    void brokenSourceFailsHalfwayWithFrozenProgressAndAReason() throws Exception {
        long jobId = client.startRefresh("ext_broken");

        clock.advance(Duration.ofMillis(4999));
        assertJob(client.describe(jobId).data(), "RefreshInProgress", 44, 0);

        clock.advance(Duration.ofMillis(1));
        JsonNode failed = client.describe(jobId).data();
        assertJob(failed, "RefreshFailed", 44, START + 5_000);
        assertThat(failed.get("reason").textValue())
                .isEqualTo("no files found in external source: s3://bucket/broken/");

        clock.advance(Duration.ofSeconds(30));
        assertThat(client.describe(jobId).data()).isEqualTo(failed);
    }

    @Test
    void jobStillRunningAfterAnHourFailsWithTimeout() throws Exception {
        use(options().withJobTime(Duration.ofHours(2)));
        long jobId = client.startRefresh("ext_books");

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(client.describe(jobId).data().get("state").textValue()).isEqualTo("RefreshInProgress");

        clock.advance(Duration.ofMillis(1));
        JsonNode failed = client.describe(jobId).data();
        assertJob(failed, "RefreshFailed", 44, START + 3_600_000);
        assertThat(failed.get("reason").textValue()).isEqualTo("timeout");
        assertThat(client.refresh("{\"collectionName\":\"ext_books\"}").code())
                .as("a failed job no longer blocks a refresh")
                .isZero();
    }

    @Test
    void shortJobCompletesInRealTime() throws Exception {
        use(options().withClock(Clock.systemUTC()).withJobTime(Duration.ofMillis(300)));
        long jobId = client.startRefresh("ext_books");
        assertThat(client.describe(jobId).data().get("state").textValue()).isIn("RefreshPending", "RefreshInProgress");

        JsonNode job = client.describe(jobId).data();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!job.get("state").textValue().equals("RefreshCompleted") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = client.describe(jobId).data();
        }

        assertThat(job.get("state").textValue()).isEqualTo("RefreshCompleted");
        assertThat(job.get("endTime").longValue() - job.get("startTime").longValue())
                .isEqualTo(300);
    }

    @Test
    void aPlateauHoldsTheJobsOfItsCollectionAt95PercentThenTheyFinish() throws Exception {
        server.setJobBehaviour("default", "ext_books", JobBehaviour.plateau(95, Duration.ofMinutes(10)));
        long books = client.startRefresh("ext_books");
        long broken = client.startRefresh("ext_broken");

        clock.advance(Duration.ofMillis(9_550));
        assertJob(client.describe(books).data(), "RefreshInProgress", 95, 0);
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertJob(client.describe(books).data(), "RefreshInProgress", 95, 0);
        assertThat(client.refresh("{\"collectionName\":\"ext_books\"}").code())
                .as("a job on its plateau is active")
                .isEqualTo(703);
        assertThat(client.describe(broken).data().get("state").textValue())
                .as("other collections run as usual")
                .isEqualTo("RefreshFailed");

        clock.advance(Duration.ofMillis(451));
        assertJob(client.describe(books).data(), "RefreshCompleted", 100, START + 610_000);
    }

    @Test
    void aJobThatNeverFinishesFailsWithTimeoutAfterAnHourOnTheServersClock() throws Exception {
        server.setJobBehaviour("default", "ext_books", JobBehaviour.neverFinishing(37));
        long jobId = client.startRefresh("ext_books");

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertJob(client.describe(jobId).data(), "RefreshInProgress", 37, 0);

        clock.advance(Duration.ofMillis(1));
        JsonNode failed = client.describe(jobId).data();
        assertJob(failed, "RefreshFailed", 37, START + 3_600_000);
        assertThat(failed.get("reason").textValue()).isEqualTo("timeout");
    }

    @Test
    void aJobReportsAStateClientsDoNotKnowForAWhileThenGoesOn() throws Exception {
        server.setJobBehaviour(
                "default", "ext_books", JobBehaviour.unknownState("RefreshValidating", Duration.ofSeconds(30)));
        long jobId = client.startRefresh("ext_books");

        clock.advance(Duration.ofSeconds(1));
        assertJob(client.describe(jobId).data(), "RefreshValidating", 0, 0);
        clock.advance(Duration.ofSeconds(30));
        assertJob(client.describe(jobId).data(), "RefreshInProgress", 0, 0);
        clock.advance(Duration.ofSeconds(9));
        assertJob(client.describe(jobId).data(), "RefreshCompleted", 100, START + 40_000);
    }

    @Test
    void aBehaviourAppliesToJobsStartedAfterItIsSet() throws Exception {
        long before = client.startRefresh("ext_books");
        server.setJobBehaviour("default", "ext_books", JobBehaviour.neverFinishing(50));

        clock.advance(Duration.ofSeconds(10));

        assertThat(client.describe(before).data().get("state").textValue()).isEqualTo("RefreshCompleted");
        long after = client.startRefresh("ext_books");
        clock.advance(Duration.ofSeconds(10));
        assertThat(client.describe(after).data().get("state").textValue()).isEqualTo("RefreshInProgress");

        server.setJobBehaviour("default", "ext_books", JobBehaviour.normal());
        server.setOverlapCheck(false);
        long normal = client.startRefresh("ext_books");
        clock.advance(Duration.ofSeconds(10));
        assertThat(client.describe(normal).data().get("state").textValue()).isEqualTo("RefreshCompleted");
    }

    static void assertJob(JsonNode job, String state, int progress, long endTime) {
        assertThat(job.get("state").textValue()).isEqualTo(state);
        assertThat(job.get("progress").intValue()).isEqualTo(progress);
        assertThat(job.get("endTime").longValue()).isEqualTo(endTime);
        assertThat(job.get("startTime").longValue()).isEqualTo(START);
    }
}
