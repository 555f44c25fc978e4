package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeedJobsTest extends DevServerTestCase {

    @Test
    void seedsAHundredThousandJobsAndListsThemAllNewestFirst() throws Exception {
        server.seedJobs("default", "ext_books", 100_000);

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
    void aJobSeededAsEndedFiveMinutesAgoIsTheNewestFinishedOneAndBlocksNothing() throws Exception {
        server.seedJobs("default", "ext_books", 3);
        Instant fiveMinutesAgo = clock.instant().minus(Duration.ofMinutes(5));

        long jobId = server.seedFinishedJob("default", "ext_books", fiveMinutesAgo);

        JsonNode records =
                client.list("{\"collectionName\":\"ext_books\"}").data().get("records");
        assertThat(records).hasSize(4);
        JsonNode newest = records.get(0);
        assertThat(newest.get("jobId").longValue()).isEqualTo(jobId).isGreaterThan(1L << 53);
        assertThat(newest.get("state").textValue()).isEqualTo("RefreshCompleted");
        assertThat(newest.get("endTime").longValue()).isEqualTo(fiveMinutesAgo.toEpochMilli());
        assertThat(newest.get("startTime").longValue())
                .as("one job time before its end")
                .isEqualTo(fiveMinutesAgo.toEpochMilli() - 10_000);
        assertThat(client.refresh("{\"collectionName\":\"ext_books\"}").code()).isZero();
    }

    @Test
    void aSeededFinishedJobEndsAsAskedOrAsTheCollectionsRefreshesDo() throws Exception {
        Instant end = clock.instant().minus(Duration.ofHours(2));

        JsonNode failed = client.describe(server.seedFinishedJob("default", "ext_books", "RefreshFailed", end))
                .data();
        JsonNode broken = client.describe(server.seedFinishedJob("default", "ext_broken", end))
                .data();

        assertThat(failed.get("state").textValue()).isEqualTo("RefreshFailed");
        assertThat(failed.get("reason").textValue()).isEqualTo("no files found in external source: s3://bucket/books/");
        assertThat(failed.get("endTime").longValue()).isEqualTo(end.toEpochMilli());
        assertThat(failed.get("endTime").longValue() - failed.get("startTime").longValue())
                .as("a failing job fails halfway")
                .isEqualTo(5_000);
        assertThat(broken.get("state").textValue()).isEqualTo("RefreshFailed");
    }

    @Test
    void aSeededFinishedJobMustHaveEndedWithinTheLastDay() {
        Instant now = clock.instant();

        assertThatThrownBy(() -> server.seedFinishedJob("default", "ext_books", now.plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.seedFinishedJob("default", "ext_books", now.minus(Duration.ofHours(24))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.seedFinishedJob("default", "ext_books", "RefreshInProgress", now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.seedFinishedJob("default", "ext_books", now)).isPositive();
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
