package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.devserver.Endpoint;
import io.zrefresh.devserver.JobBehaviour;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerFixture;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.ProcessRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline features as a CI job runs them: the packaged build as a process, against the dev
 * server, with the variables GitHub Actions sets.
 */
class PipelinesIT extends DevServerTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private ProcessRun zrefresh(Duration jobTime) {
        server(jobTime);
        return new ProcessRun(home)
                .env("ZILLIZ_ENDPOINT", dev.server.url().toString())
                .env("ZILLIZ_API_KEY", DevServerFixture.TOKEN);
    }

    private static List<JsonNode> jsonLines(List<String> lines) throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(Json.parse(line));
        }
        return parsed;
    }

    /**
     * One step over five collections: ext_books refreshed 12 minutes ago (fresh), ext_new with a
     * job running in a state zrefresh does not know (its guard lets it through, the server refuses
     * the refresh with 703, and --on-active skip follows that job), ext_broken whose refresh
     * fails, plain_coll (not external) and ghost (no such collection).
     */
    @Test
    void aStepOverActiveFreshFailingPlainAndUnknownCollections() throws Exception {
        ProcessRun run = zrefresh(Duration.ofSeconds(3));
        String freshId = Long.toString(
                dev.server.seedFinishedJob("default", "ext_books", Instant.now().minus(Duration.ofMinutes(12))));
        dev.server.setJobBehaviour(
                "default", "ext_new", JobBehaviour.unknownState("RefreshValidating", Duration.ofSeconds(2)));
        Result active = run.run(
                "trigger",
                "--name",
                "ext_new",
                "--external-source",
                "s3://bucket/new/",
                "--external-spec",
                "{\"format\":\"parquet\"}",
                "-o",
                "text");
        assertThat(active.exit()).as(active.toString()).isZero();
        String activeId = active.out().trim();

        Path summary = home.resolve("step-summary.md");
        Path output = home.resolve("step-output.txt");
        Path events = home.resolve("events.jsonl");
        Files.writeString(summary, "## Earlier step\n");
        Result step = run.env("GITHUB_ACTIONS", "true")
                .env("GITHUB_STEP_SUMMARY", summary.toString())
                .env("GITHUB_OUTPUT", output.toString())
                .env("TRACEPARENT", TRACEPARENT)
                .run(
                        "--events",
                        events.toString(),
                        "trigger",
                        "--name",
                        "ext_books",
                        "--name",
                        "ext_new",
                        "--name",
                        "ext_broken",
                        "--name",
                        "plain_coll",
                        "--name",
                        "ghost",
                        "--if-older-than",
                        "1h",
                        "--on-active",
                        "skip",
                        "--wait",
                        "--poll-interval",
                        "500ms",
                        "-o",
                        "json");

        assertThat(step.exit()).as(step.toString()).isEqualTo(5);
        JsonNode records = Json.parse(step.out()).get("records");
        assertThat(records.findValuesAsText("collectionName"))
                .containsExactly("ext_books", "ext_new", "ext_broken", "plain_coll", "ghost");
        assertThat(records.findValuesAsText("outcome"))
                .containsExactly("skipped-fresh", "skipped-active", "triggered", "error", "error");
        assertThat(records.get(0).get("jobId").toString()).isEqualTo(freshId);
        assertThat(records.get(1).get("jobId").toString()).isEqualTo(activeId);
        assertThat(records.get(1).get("state").asText())
                .as("followed to its end")
                .isEqualTo("RefreshCompleted");
        assertThat(records.get(2).get("state").asText()).isEqualTo("RefreshFailed");
        String brokenId = records.get(2).get("jobId").toString();
        assertThat(records.get(3).get("error").get("code").asInt()).isEqualTo(1100);
        assertThat(records.get(3).get("error").get("traceId").asText()).isEqualTo(TRACE_ID);
        assertThat(records.get(4).get("error").get("code").asInt()).isEqualTo(100);
        assertThat(dev.requests(Endpoint.REFRESH))
                .as("ext_new before the step; in it ext_new (refused: 703) and ext_broken")
                .isEqualTo(3);
        assertThat(dev.server.stats().jobsCreated()).isEqualTo(2);

        List<String> stderr = step.err().lines().toList();
        assertThat(stderr)
                .contains(
                        "ext_books was refreshed 12m ago by job " + freshId + "; not refreshing (--if-older-than 1h)",
                        "Job " + activeId + " of ext_new is still active; no refresh was sent (--on-active skip).",
                        "::group::zrefresh: progress of refresh jobs",
                        "ext_new  job " + activeId + ": RefreshValidating 0% (waited 0s)",
                        "::endgroup::",
                        "::error title=zrefresh::ext_broken: Job " + brokenId + " of ext_broken failed: no files found"
                                + " in external source: s3://bucket/broken/",
                        "::error title=zrefresh::plain_coll: Cannot check the refresh jobs of plain_coll before triggering: collection"
                                + " plain_coll is not an external collection: invalid parameter (server code 1100)"
                                + " (trace id " + TRACE_ID + ")",
                        "::error title=zrefresh::ghost: Cannot check the refresh jobs of ghost before triggering: collection not"
                                + " found[database=default][collection=ghost] (server code 100) (trace id " + TRACE_ID
                                + ")");

        List<String> table = Files.readAllLines(summary, StandardCharsets.UTF_8);
        assertThat(table).hasSize(11);
        assertThat(table.get(0)).isEqualTo("## Earlier step");
        assertThat(table.get(1)).isEqualTo("### zrefresh trigger");
        assertThat(table.get(2)).isEmpty();
        assertThat(table.get(3)).isEqualTo("| Collection | Job ID | State | Progress | Duration | Reason |");
        assertThat(table.get(4)).isEqualTo("|---|---|---|---|---|---|");
        assertThat(table.get(5))
                .isEqualTo("| ext\\_books | " + freshId + " | RefreshCompleted | 100% | 3s | not refreshed: refreshed"
                        + " 12m ago (--if-older-than 1h) |");
        assertThat(table.get(6))
                .matches("\\| ext\\\\_new \\| " + activeId + " \\| RefreshCompleted \\| 100% \\| \\ds \\| not"
                        + " refreshed: a refresh was already running \\(--on-active skip\\) \\|");
        assertThat(table.get(7))
                .matches("\\| ext\\\\_broken \\| " + brokenId + " \\| RefreshFailed \\| \\d+% \\| \\ds \\| no files"
                        + " found in external source: s3://bucket/broken/ \\|");
        assertThat(table.get(8))
                .isEqualTo(
                        "| plain\\_coll |  | error |  |  | Cannot check the refresh jobs of plain\\_coll before triggering: collection"
                                + " plain\\_coll is not an external collection: invalid parameter (server code 1100) (trace"
                                + " id " + TRACE_ID + ") |");
        assertThat(table.get(9))
                .isEqualTo(
                        "| ghost |  | error |  |  | Cannot check the refresh jobs of ghost before triggering: collection not"
                                + " found\\[database=default\\]\\[collection=ghost\\] (server code 100) (trace id "
                                + TRACE_ID
                                + ") |");
        assertThat(table.get(10)).isEmpty();

        List<String> outputs = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(outputs).hasSize(1);
        assertThat(outputs.get(0)).startsWith("jobs=[");
        assertThat(Json.parse(outputs.get(0).substring("jobs=".length()))).isEqualTo(records);

        List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
        List<JsonNode> parsed = jsonLines(lines);
        assertThat(parsed.subList(0, 7))
                .extracting(event -> event.get("type").asText())
                .containsExactly("start", "guard", "skipped", "guard", "skipped", "guard", "triggered");
        assertThat(lines.get(0)).startsWith("{\"type\":\"start\",\"version\":1,\"command\":\"trigger\",");
        assertThat(lines.get(2))
                .startsWith("{\"type\":\"skipped\",\"collectionName\":\"ext_books\",\"jobId\":" + freshId
                        + ",\"reason\":\"fresh\",\"time\":\"");
        assertThat(lines.get(3))
                .as("a state zrefresh does not know is not active to its guard")
                .startsWith("{\"type\":\"guard\",\"collectionName\":\"ext_new\",\"activeJobId\":null,");
        assertThat(lines.get(4)).contains("\"jobId\":" + activeId + ",\"reason\":\"active\"");
        assertThat(lines.get(6)).contains("\"collectionName\":\"ext_broken\",\"jobId\":" + brokenId + ",");
        List<JsonNode> states = parsed.subList(7, parsed.size() - 1);
        assertThat(states).isNotEmpty().allSatisfy(event -> {
            assertThat(event.get("type").asText()).isEqualTo("state");
            assertThat(event.get("jobId").toString()).isIn(activeId, brokenId);
        });
        assertThat(states.stream()
                        .map(event -> event.get("jobId").toString() + " "
                                + event.get("state").asText()))
                .contains(activeId + " RefreshValidating", activeId + " RefreshCompleted", brokenId + " RefreshFailed");
        assertThat(parsed)
                .allSatisfy(event -> assertThat(event.get("time").asText()).endsWith("Z"));
        assertThat(lines.get(lines.size() - 1))
                .matches("\\{\"type\":\"finished\",\"exitCode\":5,\"time\":\"[^\"]+Z\"}");
    }

    @Test
    void aLaterStepWaitsByNameAndAWatchEndsWhenAllIsIdle() throws Exception {
        ProcessRun run = zrefresh(Duration.ofSeconds(2));
        Result first = run.run("trigger", "--name", "ext_books", "--name", "ext_broken", "-o", "json");
        assertThat(first.exit()).as(first.toString()).isZero();
        JsonNode records = Json.parse(first.out()).get("records");
        String books = records.get(0).get("jobId").toString();
        String broken = records.get(1).get("jobId").toString();

        Result waited = run.run("wait", "--name", "ext_books", "--poll-interval", "500ms", "-o", "json");
        assertThat(waited.exit()).as(waited.toString()).isZero();
        JsonNode waitedFor = Json.parse(waited.out());
        assertThat(waitedFor.get("jobId").toString()).isEqualTo(books);
        assertThat(waitedFor.get("state").asText()).isEqualTo("RefreshCompleted");

        run.run("trigger", "--name", "ext_books", "-o", "text");
        Result watch = run.run("list", "--watch", "--until-idle", "--interval", "500ms", "-o", "json");
        assertThat(watch.exit()).as(watch.toString()).isZero();
        List<JsonNode> lines = jsonLines(watch.out().lines().toList());
        assertThat(lines.subList(0, 3))
                .as("the first poll shows every job")
                .extracting(job -> job.get("jobId").toString())
                .contains(books, broken);
        assertThat(lines.get(lines.size() - 1).get("state").asText()).isEqualTo("RefreshCompleted");
        assertThat(watch.out().lines())
                .allSatisfy(line -> assertThat(line).doesNotContain("\n").startsWith("{"));
    }
}
