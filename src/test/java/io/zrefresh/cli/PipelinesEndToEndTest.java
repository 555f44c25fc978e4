package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.devserver.Endpoint;
import io.zrefresh.devserver.Fault;
import io.zrefresh.devserver.JobBehaviour;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.FakeTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Several collections, freshness, waiting by name, watching, CI reports, events and trace ids,
 * against the dev server. Server and CLI share one fake clock, except where real time is the
 * subject (Ctrl-C).
 */
class PipelinesEndToEndTest extends DevServerTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private final FakeTime time = new FakeTime();

    private Result run(String... args) {
        return dev.cli().run(args);
    }

    private String triggered(String collection) {
        Result result = run("trigger", "--name", collection, "-o", "text");
        assertThat(result.exit()).as(result.toString()).isZero();
        return result.out().trim();
    }

    /** A completed refresh of the collection that ended {@code ago} before the shared clock's now. */
    private String refreshedAgo(String collection, Duration ago) {
        return Long.toString(
                dev.server.seedFinishedJob("default", collection, time.instant().minus(ago)));
    }

    private static List<JsonNode> jsonLines(String text) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            lines.add(Json.parse(line));
        }
        return lines;
    }

    private CliRun github(Path summary, Path output) {
        return dev.cli()
                .env("GITHUB_ACTIONS", "true")
                .env("GITHUB_STEP_SUMMARY", summary.toString())
                .env("GITHUB_OUTPUT", output.toString());
    }

    @Test
    void severalCollectionsAreEachGuardedAndTriggeredAndReportedInOrder() throws Exception {
        server(Duration.ofSeconds(30), time);
        String active = triggered("ext_books");
        Result result = dev.cli()
                .env("TRACEPARENT", TRACEPARENT)
                .run(
                        "trigger",
                        "--name",
                        "ext_books",
                        "--name",
                        "ext_broken",
                        "--name",
                        "plain_coll",
                        "--name",
                        "ghost",
                        "--name",
                        "ext_broken",
                        "-o",
                        "json");
        assertThat(result.exit())
                .as("5 (server errors) is more severe than 7 (blocked)")
                .isEqualTo(5);
        JsonNode records = Json.parse(result.out()).get("records");
        assertThat(records).hasSize(4);
        assertThat(records.findValuesAsText("collectionName"))
                .containsExactly("ext_books", "ext_broken", "plain_coll", "ghost");
        assertThat(records.findValuesAsText("outcome")).containsExactly("blocked", "triggered", "error", "error");
        assertThat(records.get(0).get("jobId").toString()).isEqualTo(active);
        assertThat(records.get(1).get("jobId").asLong()).isPositive();
        JsonNode plain = records.get(2).get("error");
        assertThat(plain.get("exitCode").asInt()).isEqualTo(5);
        assertThat(plain.get("code").asInt()).isEqualTo(1100);
        assertThat(plain.get("traceId").asText()).isEqualTo(TRACE_ID);
        assertThat(records.get(3).get("error").get("code").asInt()).isEqualTo(100);
        assertThat(records.get(0).has("error"))
                .as("only error records carry error")
                .isFalse();
        assertThat(result.err().lines())
                .containsExactly(
                        "--name ext_broken is given more than once; it is refreshed and reported once.",
                        "ext_books: A refresh of ext_books is already running: job " + active
                                + " is RefreshPending at 0%. Follow it with: zrefresh wait --job-id " + active
                                + " (or trigger with --on-active wait|skip)",
                        "plain_coll: Cannot check the refresh jobs of plain_coll before triggering: collection plain_coll is not an external"
                                + " collection: invalid parameter (server code 1100) (trace id " + TRACE_ID + ")",
                        "ghost: Cannot check the refresh jobs of ghost before triggering: collection not found[database=default][collection="
                                + "ghost] (server code 100) (trace id " + TRACE_ID + ")");
        assertThat(dev.requests(Endpoint.REFRESH))
                .as("one refresh, for ext_broken")
                .isEqualTo(2);
    }

    @Test
    void withStandardHttpStatusesTheOutcomesAreTheSame() throws Exception {
        server(Duration.ofSeconds(30), time);
        dev.server.setStandardErrorStatus(true);
        String active = triggered("ext_books");
        Result result = run(
                "trigger", "--name", "ext_books", "--name", "ghost", "--name", "ext_broken", "--force", "-o", "json");
        assertThat(result.exit()).isEqualTo(5);
        JsonNode records = Json.parse(result.out()).get("records");
        assertThat(records.findValuesAsText("outcome")).containsExactly("blocked", "error", "triggered");
        assertThat(records.get(0).get("jobId").toString())
                .as("named by the 703 on HTTP 400")
                .isEqualTo(active);
        assertThat(records.get(1).get("error").get("code").asInt()).isEqualTo(100);
        assertThat(result.err())
                .contains(
                        "ghost: Cannot check the refresh jobs of ghost before triggering: collection not found",
                        "HTTP 404");
        assertThat(dev.server.stats().jobsCreated()).isEqualTo(2);
    }

    @Test
    void aTraceIdEndsEveryErrorAndItsJsonLine() throws Exception {
        server(Duration.ofSeconds(30), time);
        Result result = dev.cli().env("TRACEPARENT", TRACEPARENT).run("trigger", "--name", "ghost", "-o", "json");
        assertThat(result.exit()).isEqualTo(5);
        String[] lines = result.err().split("\n");
        assertThat(lines[0]).endsWith("(server code 100) (trace id " + TRACE_ID + ")");
        assertThat(Json.parse(lines[1]).get("error").get("traceId").asText()).isEqualTo(TRACE_ID);

        String active = triggered("ext_books");
        Result refused = dev.cli()
                .env("TRACEPARENT", TRACEPARENT)
                .run("trigger", "--name", "ext_books", "--force", "-o", "json");
        assertThat(refused.exit()).isEqualTo(7);
        assertThat(refused.err()).contains("job " + active, "(trace id " + TRACE_ID + ")");

        Result bad = dev.cli().env("TRACEPARENT", "not a trace").run("trigger", "--name", "ghost");
        assertThat(bad.err())
                .startsWith("TRACEPARENT is not a W3C trace context (00-<32 hex>-<16 hex>-<2 hex>); it is not sent.\n")
                .doesNotContain(TRACE_ID)
                .contains("(trace id ");
    }

    @Test
    void withWaitAllJobsAreFollowedOverOneConnectionAndTheWorstEndDecidesTheExitCode() throws Exception {
        server(Duration.ofSeconds(10), time);
        Result result = run("trigger", "--name", "ext_books", "--name", "ext_broken", "--wait", "-o", "json");
        assertThat(result.exit()).as(result.toString()).isEqualTo(8);
        JsonNode records = Json.parse(result.out()).get("records");
        String books = records.get(0).get("jobId").toString();
        String broken = records.get(1).get("jobId").toString();
        assertThat(records.get(0).get("state").asText()).isEqualTo("RefreshCompleted");
        assertThat(records.get(0).get("outcome").asText()).isEqualTo("triggered");
        assertThat(records.get(1).get("state").asText()).isEqualTo("RefreshFailed");
        assertThat(records.get(1).get("reason").asText()).startsWith("no files found");
        assertThat(result.err().lines())
                .contains(
                        "ext_books  job " + books + ": RefreshPending 0% (waited 0s)",
                        "ext_broken  job " + broken + ": RefreshPending 0% (waited 0s)",
                        "ext_books  job " + books + ": RefreshCompleted 100% (waited 10s)")
                .last()
                .isEqualTo("ext_broken: Job " + broken
                        + " of ext_broken failed: no files found in external source: s3://bucket/broken/");
        assertThat(time.sleeps).as("one pause per round of polls").containsOnly(Duration.ofSeconds(2));
        assertThat(dev.server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void severalNamesInTableAndTextShowTheRecords() {
        server(Duration.ofSeconds(30), time);
        Result table = run("trigger", "--name", "ext_books", "--name", "ghost");
        assertThat(table.out().lines().toList())
                .first()
                .asString()
                .matches("COLLECTION +OUTCOME +JOB ID +STATE +PROGRESS +DURATION +REASON");
        assertThat(table.out().lines().toList().get(2))
                .matches("ghost +error +Cannot check the refresh jobs of ghost before triggering: .*");
        Result text = run(
                "trigger",
                "--name",
                "ext_books",
                "--name",
                "ghost",
                "-o",
                "text",
                "--query",
                "records[].[collectionName,outcome]");
        assertThat(text.out()).isEqualTo("ext_books\tblocked\nghost\terror\n");
    }

    @Test
    void aRecentRefreshIsNotRepeated() throws Exception {
        server(Duration.ofSeconds(10), time);
        String id = refreshedAgo("ext_books", Duration.ofMinutes(12));
        Result skipped = run("trigger", "--name", "ext_books", "--if-older-than", "1h", "-o", "json");
        assertThat(skipped.exit()).as(skipped.toString()).isZero();
        assertThat(skipped.out()).isEqualTo("{\n  \"jobId\": " + id + "\n}\n");
        assertThat(skipped.err())
                .isEqualTo("ext_books was refreshed 12m ago by job " + id + "; not refreshing (--if-older-than 1h)\n");
        Result withWait = run("trigger", "--name", "ext_books", "--if-older-than", "1h", "--wait", "-o", "json");
        assertThat(Json.parse(withWait.out()).get("state").asText()).isEqualTo("RefreshCompleted");
        assertThat(dev.requests(Endpoint.DESCRIBE))
                .as("--wait on a recent job asks nothing more")
                .isZero();
        Result older = run("trigger", "--name", "ext_books", "--if-older-than", "10m", "-o", "text");
        assertThat(older.out().trim()).as("older than the limit: a new refresh").isNotEqualTo(id);
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void aSkippedFreshCollectionAmongSeveralIsARecordOfItsOwn() throws Exception {
        server(Duration.ofSeconds(10), time);
        String id = refreshedAgo("ext_books", Duration.ofMinutes(5));
        Result result = run(
                "trigger",
                "--name",
                "ext_books",
                "--name",
                "ext_broken",
                "--if-older-than",
                "1h",
                "--wait",
                "-o",
                "json");
        assertThat(result.exit()).isEqualTo(8);
        JsonNode records = Json.parse(result.out()).get("records");
        assertThat(records.findValuesAsText("outcome")).containsExactly("skipped-fresh", "triggered");
        assertThat(records.get(0).get("jobId").toString()).isEqualTo(id);
        assertThat(records.get(0).get("state").asText()).isEqualTo("RefreshCompleted");
    }

    @Test
    void aJobInAStateThisClientDoesNotKnowIsFollowedAmongOthers() throws Exception {
        server(Duration.ofSeconds(10), time);
        dev.server.setJobBehaviour(
                "default", "ext_books", JobBehaviour.unknownState("RefreshValidating", Duration.ofSeconds(6)));
        Result result = run("trigger", "--name", "ext_books", "--name", "ext_broken", "--wait", "-o", "json");
        JsonNode records = Json.parse(result.out()).get("records");
        assertThat(records.get(0).get("state").asText()).isEqualTo("RefreshCompleted");
        assertThat(result.err()).contains(": RefreshValidating 0% (waited ");
    }

    @Test
    void waitByNameFollowsTheActiveJobOrTellsTheNewestOne() throws Exception {
        server(Duration.ofSeconds(10), time);
        String id = triggered("ext_books");
        Result waited = run("wait", "--name", "ext_books", "-o", "json");
        assertThat(waited.exit()).as(waited.toString()).isZero();
        assertThat(Json.parse(waited.out()).get("jobId").toString()).isEqualTo(id);
        assertThat(Json.parse(waited.out()).get("state").asText()).isEqualTo("RefreshCompleted");

        long describesBefore = dev.requests(Endpoint.DESCRIBE);
        Result done = run("wait", "--name", "ext_books", "-o", "json");
        assertThat(done.exit()).isZero();
        assertThat(Json.parse(done.out()).get("jobId").toString()).isEqualTo(id);
        assertThat(dev.requests(Endpoint.DESCRIBE)).as("printed at once").isEqualTo(describesBefore);

        refreshedAgo("ext_broken", Duration.ofMinutes(1));
        Result failed = run("wait", "--name", "ext_broken", "-o", "json");
        assertThat(failed.exit()).isEqualTo(8);
        assertThat(Json.parse(failed.out()).get("state").asText()).isEqualTo("RefreshFailed");

        Result none = run("wait", "--name", "ext_new");
        assertThat(none.exit()).isEqualTo(5);
        assertThat(none.out()).isEmpty();
        assertThat(none.err())
                .isEqualTo("No refresh job of ext_new was found in database default, so there is nothing to wait"
                        + " for. Start one with: zrefresh trigger --name ext_new\n");

        Result otherDatabase = run("wait", "--name", "ext_events", "--database", "analytics");
        assertThat(otherDatabase.exit()).isEqualTo(5);
        assertThat(otherDatabase.err()).contains("in database analytics");
    }

    @Test
    void aWatchPrintsAJsonLinePerChangeAndEndsWhenIdle() throws Exception {
        server(Duration.ofSeconds(10), time);
        String id = triggered("ext_books");
        Result watch = run("list", "--watch", "--until-idle", "--name", "ext_books");
        assertThat(watch.exit()).as(watch.toString()).isZero();
        List<JsonNode> lines = jsonLines(watch.out());
        assertThat(watch.out().lines()).allSatisfy(line -> assertThat(line).contains("\"jobId\":" + id));
        assertThat(lines)
                .extracting(job -> job.get("state").asText() + " " + job.get("progress"))
                .containsExactly(
                        "RefreshPending 0",
                        "RefreshInProgress 11",
                        "RefreshInProgress 33",
                        "RefreshInProgress 55",
                        "RefreshInProgress 77",
                        "RefreshCompleted 100");
        assertThat(time.sleeps).containsOnly(Duration.ofSeconds(2));

        Result query = run("list", "--watch", "--until-idle", "--query", "state", "--name", "ext_books");
        assertThat(query.out()).isEqualTo("\"RefreshCompleted\"\n");
    }

    @Test
    void aWatchReportsTheJobsItSawRunningToCiAndEvents() throws Exception {
        server(Duration.ofSeconds(10), time);
        refreshedAgo("ext_broken", Duration.ofMinutes(1));
        String id = triggered("ext_books");
        Path summary = home.resolve("summary.md");
        Path output = home.resolve("output.txt");
        Path events = home.resolve("events.jsonl");
        Result watch = github(summary, output).run("--events", events.toString(), "list", "--watch", "--until-idle");
        assertThat(watch.exit()).as(watch.toString()).isZero();
        assertThat(Files.readAllLines(summary))
                .as("only the job that ran during the watch")
                .containsExactly(
                        "### zrefresh list --watch",
                        "",
                        "| Collection | Job ID | State | Progress | Duration | Reason |",
                        "|---|---|---|---|---|---|",
                        "| ext\\_books | " + id + " | RefreshCompleted | 100% | 10s |  |",
                        "");
        List<String> outputs = Files.readAllLines(output);
        assertThat(outputs).hasSize(1);
        assertThat(Json.parse(outputs.get(0).substring("jobs=".length()))
                        .get(0)
                        .get("jobId")
                        .toString())
                .isEqualTo(id);
        List<JsonNode> parsed = jsonLines(Files.readString(events));
        assertThat(parsed.get(0).get("command").asText()).isEqualTo("list");
        assertThat(parsed.stream()
                        .filter(event -> event.get("type").asText().equals("state"))
                        .map(event -> event.get("jobId").toString() + " "
                                + event.get("state").asText()))
                .contains(id + " RefreshCompleted");
        assertThat(parsed.get(parsed.size() - 1).get("type").asText()).isEqualTo("finished");
    }

    @Test
    void onATerminalTheWatchRedrawsTheTableUntilCtrlC() throws Exception {
        server(Duration.ofSeconds(30));
        triggered("ext_books");
        AtomicReference<Result> result = new AtomicReference<>();
        CliRun cli = dev.cli().env("NO_COLOR", "1").terminal(TerminalInfo.fixed(false, true, false, 100));
        Thread watching = new Thread(() -> result.set(cli.run("list", "--watch", "--interval", "500ms")));
        watching.start();
        Thread.sleep(1800);
        watching.interrupt();
        watching.join(5000);
        assertThat(result.get().exit()).isZero();
        assertThat(result.get().out()).startsWith("\u001b[H\u001b[2JJOB ID").contains("ext_books");
        assertThat(result.get().out().split("\u001b\\[H\u001b\\[2J", -1).length).isGreaterThan(2);
        assertThat(result.get().err()).contains("Every 500ms: refresh jobs in default. Ctrl-C to stop.");
    }

    @Test
    void theEventStreamTellsWhatHappensLineByLine() throws Exception {
        server(Duration.ofSeconds(4), time);
        Path events = home.resolve("events.jsonl");
        Result result = run(
                "--events",
                events.toString(),
                "trigger",
                "--name",
                "ext_books",
                "--name",
                "plain_coll",
                "--wait",
                "-o",
                "json");
        String id = Json.parse(result.out()).get("records").get(0).get("jobId").toString();
        assertThat(Files.readAllLines(events, StandardCharsets.UTF_8))
                .containsExactly(
                        "{\"type\":\"start\",\"version\":1,\"command\":\"trigger\",\"zrefreshVersion\":\""
                                + VersionProvider.version() + "\",\"time\":\"2026-11-21T10:00:00Z\"}",
                        "{\"type\":\"guard\",\"collectionName\":\"ext_books\",\"activeJobId\":null,"
                                + "\"time\":\"2026-11-21T10:00:00Z\"}",
                        "{\"type\":\"triggered\",\"collectionName\":\"ext_books\",\"jobId\":" + id
                                + ",\"lostAnswer\":false,\"time\":\"2026-11-21T10:00:00Z\"}",
                        "{\"type\":\"state\",\"jobId\":" + id + ",\"collectionName\":\"ext_books\",\"state\":"
                                + "\"RefreshPending\",\"progress\":0,\"time\":\"2026-11-21T10:00:00Z\"}",
                        "{\"type\":\"state\",\"jobId\":" + id + ",\"collectionName\":\"ext_books\",\"state\":"
                                + "\"RefreshInProgress\",\"progress\":44,\"time\":\"2026-11-21T10:00:02Z\"}",
                        "{\"type\":\"state\",\"jobId\":" + id + ",\"collectionName\":\"ext_books\",\"state\":"
                                + "\"RefreshCompleted\",\"progress\":100,\"time\":\"2026-11-21T10:00:04Z\"}",
                        "{\"type\":\"finished\",\"exitCode\":5,\"time\":\"2026-11-21T10:00:04Z\"}");
        assertThat(result.exit()).isEqualTo(5);

        Result describe = run("--events", "-", "describe", "--job-id", id, "-o", "json");
        assertThat(jsonLines(describe.err()))
                .extracting(event -> event.get("type").asText())
                .containsExactly("start", "finished");
    }

    @Test
    void theCommandsOfAShellAddTheirEventsToTheShells() throws Exception {
        server(Duration.ofSeconds(30), time);
        Path events = home.resolve("events.jsonl");
        Result shell =
                dev.cli().stdin("list -o json\ndescribe --job-id 123\n").run("--events", events.toString(), "shell");
        assertThat(shell.exit()).isEqualTo(5);
        assertThat(jsonLines(Files.readString(events)))
                .extracting(event -> event.get("type").asText() + " "
                        + event.path("command").asText(event.path("exitCode").asText()))
                .containsExactly(
                        "start shell", "start list", "finished 0", "start describe", "finished 5", "finished 5");
    }

    @Test
    void aPollThatFailsIsAnEventAndTheWaitGoesOn() throws Exception {
        server(Duration.ofSeconds(4), time);
        String id = triggered("ext_books");
        dev.server
                .faults()
                .add(Fault.httpStatus(503, "text/html", "<html>busy</html>").on(Endpoint.DESCRIBE));
        Result result = run("--events", "-", "--retries", "1", "wait", "--job-id", id, "-o", "json");
        assertThat(result.exit()).as(result.toString()).isZero();
        JsonNode pollError =
                jsonLines(result.err()
                                .lines()
                                .filter(line -> line.startsWith("{"))
                                .reduce("", (a, b) -> a + b + "\n"))
                        .stream()
                        .filter(event -> event.get("type").asText().equals("poll-error"))
                        .findFirst()
                        .orElseThrow();
        assertThat(pollError.get("jobId").toString()).isEqualTo(id);
        assertThat(pollError.get("message").asText()).contains("HTTP 503");
    }

    @Test
    void anEventsFileThatCannotBeWrittenIsExitThreeBeforeAnyRequest() {
        server(Duration.ofSeconds(30), time);
        Result result =
                run("--events", home.resolve("no/such/dir/e.jsonl").toString(), "trigger", "--name", "ext_books");
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("--events: cannot write", "no such directory");
        assertThat(dev.apiRequests()).isZero();
    }

    @Test
    void onGithubTheStepGetsASummaryOutputsAnnotationsAndGroups() throws Exception {
        server(Duration.ofSeconds(10), time);
        Path summary = home.resolve("summary.md");
        Path output = home.resolve("output.txt");
        CliRun github = github(summary, output);
        Result result = github.run("trigger", "--name", "ext_books", "--name", "ext_broken", "--wait", "-o", "json");
        JsonNode records = Json.parse(result.out()).get("records");
        String books = records.get(0).get("jobId").toString();
        String broken = records.get(1).get("jobId").toString();
        assertThat(Files.readAllLines(summary))
                .containsExactly(
                        "### zrefresh trigger",
                        "",
                        "| Collection | Job ID | State | Progress | Duration | Reason |",
                        "|---|---|---|---|---|---|",
                        "| ext\\_books | " + books + " | RefreshCompleted | 100% | 10s |  |",
                        "| ext\\_broken | " + broken
                                + " | RefreshFailed | 44% | 5s | no files found in external source:"
                                + " s3://bucket/broken/ |",
                        "");
        List<String> outputs = Files.readAllLines(output);
        assertThat(outputs).hasSize(1);
        assertThat(outputs.get(0))
                .startsWith(
                        "jobs=[{\"collectionName\":\"ext_books\",\"outcome\":\"triggered\",\"jobId\":" + books + ",");
        assertThat(Json.parse(outputs.get(0).substring("jobs=".length()))).isEqualTo(records);
        assertThat(result.err().lines().toList())
                .startsWith("::group::zrefresh: progress of refresh jobs")
                .contains("::endgroup::")
                .endsWith(
                        "ext_broken: Job " + broken + " of ext_broken failed: no files found in external source:"
                                + " s3://bucket/broken/",
                        "::error title=zrefresh::ext_broken: Job " + broken + " of ext_broken failed: no files found"
                                + " in external source: s3://bucket/broken/");

        Files.delete(output);
        Result one = github.run("trigger", "--name", "ext_books", "--if-older-than", "1h");
        assertThat(one.exit()).isZero();
        assertThat(Files.readAllLines(output))
                .containsExactly(
                        "job-id=" + books,
                        "state=RefreshCompleted",
                        "outcome=skipped-fresh",
                        "jobs=[{\"collectionName\":\"ext_books\",\"outcome\":\"skipped-fresh\",\"jobId\":" + books
                                + "}]");

        Files.delete(output);
        Result waited = github.run("wait", "--job-id", broken);
        assertThat(waited.exit()).isEqualTo(8);
        List<String> waitOutputs = Files.readAllLines(output);
        assertThat(waitOutputs).hasSize(3);
        assertThat(waitOutputs.get(0)).isEqualTo("job-id=" + broken);
        assertThat(waitOutputs.get(1)).isEqualTo("state=RefreshFailed");
        assertThat(waitOutputs.get(2)).startsWith("jobs=[{").doesNotContain("outcome");

        Result notFound = github.env("GITHUB_STEP_SUMMARY", null).run("describe", "--job-id", "123");
        assertThat(notFound.err()).contains("::error title=zrefresh::Cannot describe refresh job 123");
        Result blocked = github.run("trigger", "--name", "ext_broken", "--name", "ext_books", "--if-older-than", "1s");
        assertThat(blocked.exit()).isZero();
        triggered("ext_books");
        Result active = github.run("trigger", "--name", "ext_books");
        assertThat(active.exit()).isEqualTo(7);
        assertThat(active.err()).contains("::warning title=zrefresh::A refresh of ext_books is already running");
    }

    @Test
    void runnerDebugTurnsOnTheTraceOnGithubOnly() {
        server(Duration.ofSeconds(30), time);
        Result github =
                dev.cli().env("GITHUB_ACTIONS", "true").env("RUNNER_DEBUG", "1").run("list", "-o", "json");
        assertThat(github.err()).contains("> POST ", "Bearer ***", ", trace id ");
        Result elsewhere = dev.cli().env("RUNNER_DEBUG", "1").run("list", "-o", "json");
        assertThat(elsewhere.err()).doesNotContain("> POST ");
    }

    @Test
    void onGitlabWaitsAreCollapsedSectionsAndTheTableEndsTheLog() {
        server(Duration.ofSeconds(4), time);
        Result result = dev.cli()
                .env("GITLAB_CI", "true")
                .run("trigger", "--name", "ext_books", "--wait", "-o", "text", "--query", "jobId");
        assertThat(result.exit()).isZero();
        String id = result.out().trim();
        long start = time.instant().getEpochSecond() - 4;
        assertThat(result.err())
                .isEqualTo("\u001b[0Ksection_start:" + start + ":zrefresh_wait_1[collapsed=true]\r\u001b[0K"
                        + "zrefresh: progress of job " + id + "\n"
                        + "job " + id + ": RefreshPending 0% (waited 0s)\n"
                        + "job " + id + ": RefreshInProgress 44% (waited 2s)\n"
                        + "job " + id + ": RefreshCompleted 100% (waited 4s)\n"
                        + "\u001b[0Ksection_end:" + (start + 4) + ":zrefresh_wait_1\r\u001b[0K\n"
                        + "zrefresh trigger\n"
                        + "COLLECTION  JOB ID              STATE             PROGRESS  DURATION  REASON\n"
                        + "ext_books   " + id + "  RefreshCompleted  100%      4s\n");
        assertThat(result.out()).as("stdout never changes").isEqualTo(id + "\n");
    }

    @Test
    void aHugeReasonIsCutOnStderrButWholeOnStdout() throws Exception {
        server(Duration.ofSeconds(30), time);
        String reason = "bad row; ".repeat(250_000);
        String job = "{\"collectionName\":\"ext_books\",\"endTime\":1754550009000,\"jobId\":466073417512550401,"
                + "\"progress\":40,\"reason\":\"" + reason
                + "\",\"startTime\":1754550000123,\"state\":\"RefreshFailed\"}";
        dev.server
                .faults()
                .add(Fault.httpStatus(200, "application/json", "{\"code\":0,\"data\":" + job + "}")
                        .on(Endpoint.DESCRIBE));
        Result result = run("wait", "--job-id", "466073417512550401", "-o", "json");
        assertThat(result.exit()).isEqualTo(8);
        assertThat(Json.parse(result.out()).get("reason").asText()).isEqualTo(reason);
        assertThat(result.err().length()).isLessThan(2000);
        assertThat(result.err())
                .contains("(cut: the reason has " + reason.length() + " characters; see all of it with: zrefresh"
                        + " describe --job-id 466073417512550401 -o json --query reason)");
    }
}
