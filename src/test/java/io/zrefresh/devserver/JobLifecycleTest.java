package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lifecycle as clients see it through describe, on a manual clock (exact) and on the system clock (real time). */
class JobLifecycleTest {

    private static final long START = 1_754_550_000_000L;

    private final ManualClock clock = new ManualClock(START);

    @Test
    void jobGoesPendingThenInProgressThenCompletedAtTheJobTime() throws Exception {
        try (DevServer server = start(clock, Duration.ofSeconds(10))) {
            ApiClient client = new ApiClient(server, DevServerOptions.DEFAULT_TOKEN);
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
    }

    @Test
    void brokenSourceFailsHalfwayWithFrozenProgressAndAReason() throws Exception {
        try (DevServer server = start(clock, Duration.ofSeconds(10))) {
            ApiClient client = new ApiClient(server, DevServerOptions.DEFAULT_TOKEN);
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
    }

    @Test
    void jobStillRunningAfterAnHourFailsWithTimeout() throws Exception {
        try (DevServer server = start(clock, Duration.ofHours(2))) {
            ApiClient client = new ApiClient(server, DevServerOptions.DEFAULT_TOKEN);
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
    }

    @Test
    void shortJobCompletesInRealTime() throws Exception {
        try (DevServer server = start(Clock.systemUTC(), Duration.ofMillis(300))) {
            ApiClient client = new ApiClient(server, DevServerOptions.DEFAULT_TOKEN);
            long jobId = client.startRefresh("ext_books");
            assertThat(client.describe(jobId).data().get("state").textValue())
                    .isIn("RefreshPending", "RefreshInProgress");

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
    }

    private static DevServer start(Clock clock, Duration jobTime) throws Exception {
        return DevServer.start(
                DevServerOptions.defaults().withPort(0).withClock(clock).withJobTime(jobTime));
    }

    private static void assertJob(JsonNode job, String state, int progress, long endTime) {
        assertThat(job.get("state").textValue()).isEqualTo(state);
        assertThat(job.get("progress").intValue()).isEqualTo(progress);
        assertThat(job.get("endTime").longValue()).isEqualTo(endTime);
        assertThat(job.get("startTime").longValue()).isEqualTo(START);
    }
}
