package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.devserver.Endpoint;
import io.zrefresh.devserver.Fault;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Several collections, freshness, waiting by name, watching, CI reports and events, against the dev server. */
class PipelinesEndToEndTest extends DevServerTest {

    private Result run(String... args) {
        return dev.cli().run(args);
    }

    private String triggered(String collection) {
        Result result = run("trigger", "--name", collection, "-o", "text");
        assertThat(result.exit()).as(result.toString()).isZero();
        return result.out().trim();
    }

    private static List<JsonNode> jsonLines(String text) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            lines.add(Json.parse(line));
        }
        return lines;
    }

    @Test
    void severalCollectionsAreEachGuardedAndTriggeredAndReportedInOrder() throws Exception {
        server(Duration.ofSeconds(30));
        String active = triggered("ext_books");
        Result result = run(
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
        assertThat(records.get(2).get("error").get("exitCode").asInt()).isEqualTo(5);
        assertThat(records.get(2).get("error").get("code").asInt()).isEqualTo(1100);
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
                        "plain_coll: Cannot list refresh jobs of plain_coll: collection plain_coll is not an external"
                                + " collection: invalid parameter (server code 1100)",
                        "ghost: Cannot list refresh jobs of ghost: collection not found[database=default][collection="
                                + "ghost] (server code 100)");
        assertThat(dev.requests(Endpoint.REFRESH))
                .as("one refresh, for ext_broken")
                .isEqualTo(2);
    }

    @Test
    void withWaitAllJobsAreFollowedOverOneConnectionAndTheWorstEndDecidesTheExitCode() throws Exception {
        server(Duration.ofMillis(1500));
        Result result = run(
                "trigger",
                "--name",
                "ext_books",
                "--name",
                "ext_broken",
                "--wait",
                "--poll-interval",
                "500ms",
                "-o",
                "json");
        assertThat(result.exit()).as(result.toString()).isEqualTo(8);
        JsonNode records = Json.parse(result.out()).get("records");
        assertThat(records.get(0).get("state").asText()).isEqualTo("RefreshCompleted");
        assertThat(records.get(0).get("outcome").asText()).isEqualTo("triggered");
        assertThat(records.get(1).get("state").asText()).isEqualTo("RefreshFailed");
        assertThat(records.get(1).get("reason").asText()).startsWith("no files found");
        assertThat(result.err())
                .contains("ext_books  job " + records.get(0).get("jobId") + ": RefreshCompleted 100%")
                .contains("ext_broken  job " + records.get(1).get("jobId") + ": RefreshFailed")
                .endsWith("ext_broken: Job " + records.get(1).get("jobId")
                        + " of ext_broken failed: no files found in external source: s3://bucket/broken/\n");
        assertThat(dev.server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void severalNamesInTableAndTextShowTheRecords() {
        server(Duration.ofSeconds(30));
        Result table = run("trigger", "--name", "ext_books", "--name", "ghost");
        assertThat(table.out().lines().toList().get(0)).startsWith("COLLECTIONNAME  OUTCOME    JOBID");
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
        server(Duration.ofMillis(500));
        Result first = run(
                "trigger",
                "--name",
                "ext_books",
                "--wait",
                "--poll-interval",
                "500ms",
                "-o",
                "text",
                "--query",
                "jobId");
        String id = first.out().trim();
        Result skipped = run("trigger", "--name", "ext_books", "--if-older-than", "1h", "-o", "json");
        assertThat(skipped.exit()).as(skipped.toString()).isZero();
        assertThat(skipped.out()).isEqualTo("{\n  \"jobId\": " + id + "\n}\n");
        assertThat(skipped.err())
                .matches("ext_books was refreshed \\d+s ago by job " + id
                        + "; not refreshing \\(--if-older-than 1h\\)\n");
        Result withWait = run("trigger", "--name", "ext_books", "--if-older-than", "1h", "--wait", "-o", "json");
        assertThat(Json.parse(withWait.out()).get("state").asText()).isEqualTo("RefreshCompleted");
        Thread.sleep(1000);
        Result older = run("trigger", "--name", "ext_books", "--if-older-than", "1s", "-o", "text");
        assertThat(older.out().trim()).as("older than the limit: a new refresh").isNotEqualTo(id);
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(2);
        assertThat(dev.requests(Endpoint.DESCRIBE))
                .as("--wait on a fresh job asks nothing more")
                .isEqualTo(2);
    }

    @Test
    void aSkippedFreshCollectionAmongSeveralIsARecordOfItsOwn() throws Exception {
        server(Duration.ofMillis(500));
        run("trigger", "--name", "ext_books", "--wait", "--poll-interval", "500ms");
        Result result =
                run("trigger", "--name", "ext_books", "--name", "ext_broken", "--if-older-than", "1h", "-o", "json");
        assertThat(result.exit()).isZero();
        JsonNode records = Json.parse(result.out()).get("records");
        assertThat(records.findValuesAsText("outcome")).containsExactly("skipped-fresh", "triggered");
    }

    @Test
    void waitByNameFollowsTheActiveJobOrTellsTheNewestOne() throws Exception {
        server(Duration.ofMillis(1500));
        String id = triggered("ext_books");
        Result waited = run("wait", "--name", "ext_books", "--poll-interval", "500ms", "-o", "json");
        assertThat(waited.exit()).as(waited.toString()).isZero();
        assertThat(Json.parse(waited.out()).get("jobId").toString()).isEqualTo(id);
        assertThat(Json.parse(waited.out()).get("state").asText()).isEqualTo("RefreshCompleted");

        long describesBefore = dev.requests(Endpoint.DESCRIBE);
        Result done = run("wait", "--name", "ext_books", "-o", "json");
        assertThat(done.exit()).isZero();
        assertThat(Json.parse(done.out()).get("jobId").toString()).isEqualTo(id);
        assertThat(dev.requests(Endpoint.DESCRIBE)).as("printed at once").isEqualTo(describesBefore);

        run("trigger", "--name", "ext_broken", "--wait", "--poll-interval", "500ms");
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
        server(Duration.ofMillis(1500));
        String id = triggered("ext_books");
        Result watch = run("list", "--watch", "--until-idle", "--interval", "500ms", "--name", "ext_books");
        assertThat(watch.exit()).as(watch.toString()).isZero();
        List<JsonNode> lines = jsonLines(watch.out());
        assertThat(lines)
                .allSatisfy(job -> assertThat(job.get("jobId").toString()).isEqualTo(id));
        assertThat(watch.out().lines()).allSatisfy(line -> assertThat(line).contains("\"jobId\":" + id));
        assertThat(lines.get(lines.size() - 1).get("state").asText()).isEqualTo("RefreshCompleted");
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i)).as("only changes").isNotEqualTo(lines.get(i - 1));
        }

        Result query = run("list", "--watch", "--until-idle", "--query", "state", "--name", "ext_books");
        assertThat(query.out()).isEqualTo("\"RefreshCompleted\"\n");
    }

    @Test
    void aWatchReportsTheJobsItSawRunningToCiAndEvents() throws Exception {
        server(Duration.ofMillis(1000));
        run("trigger", "--name", "ext_broken", "--wait", "--poll-interval", "500ms");
        String id = triggered("ext_books");
        Path summary = home.resolve("summary.md");
        Path output = home.resolve("output.txt");
        Path events = home.resolve("events.jsonl");
        Result watch = dev.cli()
                .env("GITHUB_ACTIONS", "true")
                .env("GITHUB_STEP_SUMMARY", summary.toString())
                .env("GITHUB_OUTPUT", output.toString())
                .run("--events", events.toString(), "list", "--watch", "--until-idle", "--interval", "500ms");
        assertThat(watch.exit()).as(watch.toString()).isZero();
        List<String> table = Files.readAllLines(summary);
        assertThat(table.get(0)).isEqualTo("### zrefresh list --watch");
        assertThat(table).as("only the job that ran during the watch").hasSize(6);
        assertThat(table.get(4)).startsWith("| ext\\_books | " + id + " | RefreshCompleted | 100% |");
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
        server(Duration.ofMillis(1000));
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
                "--poll-interval",
                "500ms",
                "-o",
                "json");
        String id = Json.parse(result.out()).get("records").get(0).get("jobId").toString();
        List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
        List<JsonNode> parsed = jsonLines(String.join("\n", lines));
        assertThat(parsed)
                .allSatisfy(event -> assertThat(event.get("time").asText())
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
        assertThat(parsed.get(0).get("type").asText()).isEqualTo("start");
        assertThat(parsed.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(parsed.get(0).get("command").asText()).isEqualTo("trigger");
        assertThat(parsed.get(1).get("type").asText()).isEqualTo("guard");
        assertThat(parsed.get(2).get("type").asText()).isEqualTo("triggered");
        assertThat(lines.get(2)).contains("\"jobId\":" + id);
        List<JsonNode> states = parsed.stream()
                .filter(event -> event.get("type").asText().equals("state"))
                .toList();
        assertThat(states)
                .isNotEmpty()
                .allSatisfy(state -> assertThat(state.get("jobId").toString()).isEqualTo(id));
        assertThat(states.get(states.size() - 1).get("state").asText()).isEqualTo("RefreshCompleted");
        JsonNode finished = parsed.get(parsed.size() - 1);
        assertThat(finished.get("type").asText()).isEqualTo("finished");
        assertThat(finished.get("exitCode").asInt()).isEqualTo(result.exit()).isEqualTo(5);

        Result describe = run("--events", "-", "describe", "--job-id", id, "-o", "json");
        assertThat(jsonLines(describe.err()))
                .extracting(event -> event.get("type").asText())
                .containsExactly("start", "finished");
    }

    @Test
    void anEventsFileThatCannotBeWrittenIsExitThreeBeforeAnyRequest() {
        server(Duration.ofSeconds(30));
        Result result =
                run("--events", home.resolve("no/such/dir/e.jsonl").toString(), "trigger", "--name", "ext_books");
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("--events: cannot write", "no such directory");
        assertThat(dev.apiRequests()).isZero();
    }

    @Test
    void onGithubTheStepGetsASummaryOutputsAnnotationsAndGroups() throws Exception {
        server(Duration.ofMillis(1000));
        Path summary = home.resolve("summary.md");
        Path output = home.resolve("output.txt");
        CliRun github = dev.cli()
                .env("GITHUB_ACTIONS", "true")
                .env("GITHUB_STEP_SUMMARY", summary.toString())
                .env("GITHUB_OUTPUT", output.toString());
        Result result = github.run(
                "trigger",
                "--name",
                "ext_books",
                "--name",
                "ext_broken",
                "--wait",
                "--poll-interval",
                "500ms",
                "-o",
                "json");
        JsonNode records = Json.parse(result.out()).get("records");
        String books = records.get(0).get("jobId").toString();
        String broken = records.get(1).get("jobId").toString();
        List<String> table = Files.readAllLines(summary);
        assertThat(table.get(0)).isEqualTo("### zrefresh trigger");
        assertThat(table.get(1)).isEmpty();
        assertThat(table.get(2)).isEqualTo("| Collection | Job ID | State | Progress | Duration | Reason |");
        assertThat(table.get(3)).isEqualTo("|---|---|---|---|---|---|");
        assertThat(table.get(4))
                .matches("\\| ext\\\\_books \\| " + books + " \\| RefreshCompleted \\| 100% \\| \\ds \\|  \\|");
        assertThat(table.get(5))
                .matches(
                        "\\| ext\\\\_broken \\| " + broken
                                + " \\| RefreshFailed \\| \\d+% \\| \\ds \\| no files found in external source: s3://bucket/broken/ \\|");
        assertThat(table).hasSize(7);
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

        Result blocked = github.env("GITHUB_STEP_SUMMARY", null).run("describe", "--job-id", "123");
        assertThat(blocked.err()).contains("::error title=zrefresh::Cannot describe refresh job 123");
    }

    @Test
    void runnerDebugTurnsOnTheTraceOnGithubOnly() {
        server(Duration.ofSeconds(30));
        Result github =
                dev.cli().env("GITHUB_ACTIONS", "true").env("RUNNER_DEBUG", "1").run("list", "-o", "json");
        assertThat(github.err()).contains("> POST ", "Bearer ***");
        Result elsewhere = dev.cli().env("RUNNER_DEBUG", "1").run("list", "-o", "json");
        assertThat(elsewhere.err()).doesNotContain("> POST ");
    }

    @Test
    void onGitlabWaitsAreCollapsedSectionsAndTheTableEndsTheLog() {
        server(Duration.ofMillis(1000));
        Result result = dev.cli()
                .env("GITLAB_CI", "true")
                .run(
                        "trigger",
                        "--name",
                        "ext_books",
                        "--wait",
                        "--poll-interval",
                        "500ms",
                        "-o",
                        "text",
                        "--query",
                        "jobId");
        assertThat(result.exit()).isZero();
        String id = result.out().trim();
        List<String> lines = List.of(result.err().split("\n"));
        assertThat(lines.get(0))
                .matches("\u001b\\[0Ksection_start:\\d+:zrefresh_wait_1\\[collapsed=true]\r\u001b\\[0K"
                        + "zrefresh: progress of job " + id);
        assertThat(lines).anyMatch(line -> line.matches("\u001b\\[0Ksection_end:\\d+:zrefresh_wait_1\r\u001b\\[0K"));
        assertThat(lines.subList(lines.size() - 3, lines.size()))
                .satisfiesExactly(
                        heading -> assertThat(heading).isEqualTo("zrefresh trigger"),
                        header -> assertThat(header).startsWith("COLLECTION  JOB ID"),
                        row -> assertThat(row).startsWith("ext_books   " + id + "  RefreshCompleted  100%"));
        assertThat(result.out()).as("stdout never changes").isEqualTo(id + "\n");
    }

    @Test
    void aHugeReasonIsCutOnStderrButWholeOnStdout() throws Exception {
        server(Duration.ofSeconds(30));
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
