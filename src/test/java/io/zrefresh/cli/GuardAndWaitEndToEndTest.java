package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.devserver.Endpoint;
import io.zrefresh.devserver.Fault;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.FakeTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The overlap guard, waiting, and a refresh that is never sent twice, against the dev server. */
class GuardAndWaitEndToEndTest extends DevServerTest {

    /** The clock of server and CLI in the tests about logic; those about real timing use the system's. */
    private final FakeTime time = new FakeTime();

    private Result run(String... args) {
        return dev.cli().run(args);
    }

    private static JsonNode lastJsonLine(String stderr) throws Exception {
        String[] lines = stderr.split("\n");
        return Json.parse(lines[lines.length - 1]);
    }

    @Test
    void aSecondTriggerIsBlockedAndNamesTheActiveJob() throws Exception {
        server(Duration.ofSeconds(30));
        String id = run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        Result second = run("trigger", "--name", "ext_books", "-o", "json");
        assertThat(second.exit()).isEqualTo(7);
        assertThat(second.out()).isEmpty();
        assertThat(second.err()).contains("job " + id + " is Refresh", "zrefresh wait --job-id " + id);
        JsonNode error = lastJsonLine(second.err()).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(7);
        assertThat(error.get("activeJobId").toString()).isEqualTo(id);
        assertThat(error.has("code")).isFalse();
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void theServers703IsTheSameOutcomeWithItsCode() throws Exception {
        server(Duration.ofSeconds(30));
        String id = run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        Result forced = run("trigger", "--name", "ext_books", "--force", "-o", "json");
        assertThat(forced.exit()).isEqualTo(7);
        JsonNode error = lastJsonLine(forced.err()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(703);
        assertThat(error.get("activeJobId").toString()).isEqualTo(id);
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(2);
        assertThat(dev.server.stats().jobsCreated()).isEqualTo(1);
    }

    @Test
    void skipReportsTheActiveJobAsTheResult() {
        server(Duration.ofSeconds(30));
        String id = run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        Result skipped = run("trigger", "--name", "ext_books", "--on-active", "skip", "-o", "json");
        assertThat(skipped.exit()).isZero();
        assertThat(skipped.out()).isEqualTo("{\n  \"jobId\": " + id + "\n}\n");
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void skipWithWaitFollowsTheActiveJobToItsEnd() throws Exception {
        server(Duration.ofSeconds(10), time);
        String id = run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        Result skipped = run(
                "trigger",
                "--name",
                "ext_books",
                "--on-active",
                "skip",
                "--wait",
                "--poll-interval",
                "500ms",
                "-o",
                "json");
        assertThat(skipped.exit()).as(skipped.toString()).isZero();
        JsonNode job = Json.parse(skipped.out());
        assertThat(job.get("jobId").toString()).isEqualTo(id);
        assertThat(job.get("state").asText()).isEqualTo("RefreshCompleted");
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void onActiveWaitWaitsThenTriggersANewJob() throws Exception {
        server(Duration.ofSeconds(10), time);
        String first = run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        Result second =
                run("trigger", "--name", "ext_books", "--on-active", "wait", "--poll-interval", "500ms", "-o", "text");
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out().trim()).isNotEqualTo(first).matches("\\d+");
        assertThat(second.err())
                .contains(
                        "Job " + first + " of ext_books is still active; waiting for it to end",
                        "job " + first + ": RefreshCompleted 100%");
        assertThat(dev.server.stats().jobsCreated()).isEqualTo(2);
    }

    @Test
    void triggerWaitPrintsTheCompletedJobAndLogsProgressLineByLine() throws Exception {
        server(Duration.ofSeconds(10), time);
        Result result = run("trigger", "--name", "ext_books", "--wait", "--poll-interval", "500ms", "-o", "json");
        assertThat(result.exit()).as(result.toString()).isZero();
        JsonNode job = Json.parse(result.out());
        assertThat(job.get("state").asText()).isEqualTo("RefreshCompleted");
        assertThat(job.get("progress").asInt()).isEqualTo(100);
        assertThat(result.err()).doesNotContain("\r");
        String id = job.get("jobId").toString();
        String previous = null;
        int previousProgress = -100;
        for (String line : result.err().lines().toList()) {
            assertThat(line).matches("job " + id + ": Refresh(Pending|InProgress|Completed) \\d+% \\(waited \\d+s\\)");
            String state = line.split(" ")[2];
            int progress = Integer.parseInt(line.split(" ")[3].replace("%", ""));
            assertThat(state.equals(previous) && Math.abs(progress - previousProgress) < 10)
                    .as("line without news: " + line)
                    .isFalse();
            previous = state;
            previousProgress = progress;
        }
        assertThat(result.err().lines().reduce((a, b) -> b).orElseThrow()).contains("RefreshCompleted 100%");
        assertThat(dev.server.stats().connectionsAccepted())
                .as("one connection for all polls")
                .isEqualTo(1);
    }

    @Test
    void aFailedJobExitsEightWithItsReason() throws Exception {
        server(Duration.ofSeconds(10), time);
        Result result = run("trigger", "--name", "ext_broken", "--wait", "--poll-interval", "500ms", "-o", "json");
        assertThat(result.exit()).isEqualTo(8);
        assertThat(Json.parse(result.out()).get("state").asText()).isEqualTo("RefreshFailed");
        assertThat(result.err()).contains("failed: no files found in external source: s3://bucket/broken/");
    }

    @Test
    void aWaitThatTimesOutExitsNineWithTheJobAsLastSeen() throws Exception {
        server(Duration.ofSeconds(10), time);
        String id = run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        Result result = run("wait", "--job-id", id, "--timeout", "1500ms", "--poll-interval", "500ms", "-o", "json");
        assertThat(result.exit()).isEqualTo(9);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(Json.parse(result.out()).get("jobId").toString()).isEqualTo(id);
        assertThat(result.err()).contains("Timed out waiting for job " + id, "keeps running on the server");
    }

    @Test
    void aLostAnswerReportsTheJobItCreated() throws Exception {
        server(Duration.ofSeconds(30));
        dev.server.faults().add(Fault.lostAnswer().on(Endpoint.REFRESH));
        Result result = run("trigger", "--name", "ext_books", "-o", "text");
        assertThat(result.exit()).as(result.toString()).isZero();
        JsonNode jobs = Json.parse(
                        run("list", "--name", "ext_books", "-o", "json").out())
                .get("records");
        assertThat(jobs).hasSize(1);
        assertThat(result.out().trim()).isEqualTo(jobs.get(0).get("jobId").toString());
        assertThat(result.err()).contains("answer to the refresh was lost", "was created by it");
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void aTimedOutRefreshIsNeverSentAgain() throws Exception {
        server(Duration.ofSeconds(30));
        dev.server.faults().add(Fault.delay(Duration.ofMillis(1200)).on(Endpoint.REFRESH));
        Result result = run("trigger", "--name", "ext_books", "--request-timeout", "300ms", "-o", "text");
        assertThat(result.exit()).as(result.toString()).isEqualTo(6);
        assertThat(result.err()).contains("within 300ms", "no new job was found", "zrefresh list --name ext_books");
        awaitReal(() -> dev.server.stats().jobsCreated() == 1);
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(1);
        assertThat(dev.server.stats().jobsCreated())
                .as("the slow server still created it, once")
                .isEqualTo(1);
    }

    @Test
    void aRefreshThatNeverArrivedFailsWithoutBeingSentAgain() {
        server(Duration.ofSeconds(30));
        dev.server.faults().add(Fault.reset().on(Endpoint.REFRESH));
        Result reset = run("trigger", "--name", "ext_books");
        assertThat(reset.exit()).isEqualTo(6);
        assertThat(reset.err()).contains("no new job was found", "the refresh was not sent again");

        dev.server
                .faults()
                .add(Fault.httpStatus(503, "text/html", "<html>maintenance</html>")
                        .on(Endpoint.REFRESH));
        Result unavailable = run("trigger", "--name", "ext_books");
        assertThat(unavailable.exit()).isEqualTo(5);
        assertThat(unavailable.err()).contains("HTTP 503", "no new job was found");
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(2);
        assertThat(dev.server.stats().jobsCreated()).isZero();
    }

    @Test
    void interruptingAWaitExits130AndSaysTheJobGoesOn() throws Exception {
        server(Duration.ofSeconds(60));
        String id = run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        AtomicReference<Result> result = new AtomicReference<>();
        Thread waiting = new Thread(() -> result.set(run("wait", "--job-id", id, "--poll-interval", "500ms")));
        waiting.start();
        awaitReal(() -> dev.requests(Endpoint.DESCRIBE) >= 1);
        waiting.interrupt();
        waiting.join(5000);
        assertThat(result.get().exit()).isEqualTo(130);
        assertThat(result.get().err())
                .contains("Interrupted; job " + id + " keeps running on the server", "zrefresh wait --job-id " + id);
    }

    @Test
    void onATerminalTheProgressIsOneLiveLine() {
        server(Duration.ofSeconds(10), time);
        Result result = dev.cli()
                .terminal(TerminalInfo.fixed(false, false, true, 80))
                .run("trigger", "--name", "ext_books", "--wait", "--poll-interval", "500ms", "-o", "text");
        assertThat(result.exit()).isZero();
        assertThat(result.err())
                .contains("\r\u001b[2K", "RefreshCompleted", "100%")
                .endsWith("\n");
        assertThat(result.err().split("\n")).hasSize(1);
    }

    /** Waits, in real time, for something another thread or the server does; fails after 10 s. */
    private static void awaitReal(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s in vain").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
