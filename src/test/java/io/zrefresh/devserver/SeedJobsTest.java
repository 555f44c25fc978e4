package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeedJobsTest {

    private DevServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = DevServer.start(DevServerOptions.defaults().withPort(0));
        client = new ApiClient(server, DevServerOptions.DEFAULT_TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void seedsAHundredThousandJobsInUnderASecondAndListsThemAllNewestFirst() throws Exception {
        long started = System.nanoTime();
        server.seedJobs("default", "ext_books", 100_000);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

        JsonNode records =
                client.list("{\"collectionName\":\"ext_books\"}").data().get("records");

        assertThat(records).hasSize(100_000);
        long previousStart = Long.MAX_VALUE;
        for (JsonNode record : records) {
            long start = record.get("startTime").longValue();
            assertThat(start).isLessThan(previousStart);
            previousStart = start;
        }
        JsonNode newest = records.get(0);
        assertThat(newest.get("state").textValue()).isEqualTo("RefreshCompleted");
        assertThat(newest.get("progress").intValue()).isEqualTo(100);
        assertThat(newest.get("jobId").longValue()).isGreaterThan(1L << 53);
        assertThat(client.describe(newest.get("jobId").longValue()).data()).isEqualTo(newest);
    }

    @Test
    void seededJobsAreFinishedSoARefreshIsStillAccepted() throws Exception {
        server.seedJobs("default", "ext_books", 10);

        long jobId = client.startRefresh("ext_books");

        JsonNode records =
                client.list("{\"collectionName\":\"ext_books\"}").data().get("records");
        assertThat(records).hasSize(11);
        assertThat(records.get(0).get("jobId").longValue())
                .as("the new job is the newest")
                .isEqualTo(jobId);
        assertThat(server.stats().jobsCreated())
                .as("seeded jobs are not created by refreshes")
                .isEqualTo(1);
    }

    @Test
    void seedingTwiceGivesDistinctIds() throws Exception {
        server.seedJobs("analytics", "ext_events", 50);
        server.seedJobs("analytics", "ext_events", 50);

        JsonNode records = client.list("{}").data().get("records");

        assertThat(records.findValuesAsText("jobId")).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void seedingNeedsAnExternalCollectionWithASource() {
        assertThatThrownBy(() -> server.seedJobs("default", "plain_coll", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.seedJobs("default", "ext_new", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.seedJobs("nope", "ext_books", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("database not found[database=nope]");
    }
}
