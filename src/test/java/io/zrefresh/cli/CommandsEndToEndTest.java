package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.devserver.Endpoint;
import io.zrefresh.devserver.Fault;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerFixture;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.FakeTime;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trigger, describe and list run in-process against the dev server, as a new user would run them. */
class CommandsEndToEndTest extends DevServerTest {

    /** Server and CLI on one fake clock: retries and waits take no real time (request timeouts still do). */
    private final FakeTime time = new FakeTime();

    @BeforeEach
    void start() {
        server(Duration.ofSeconds(30), time);
    }

    private Result run(String... args) {
        return dev.cli().run(args);
    }

    private static JsonNode json(Result result) throws Exception {
        return Json.parse(result.out());
    }

    @Test
    void triggerPrintsOnlyTheJobIdAsText() {
        Result result = run("trigger", "--name", "ext_books", "-o", "text");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).matches("\\d{18,19}\n");
        assertThat(Long.parseLong(result.out().trim())).isGreaterThan(1L << 53);
        assertThat(result.err()).isEmpty();
        assertThat(dev.requests(Endpoint.LIST)).isEqualTo(1);
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void describeAndListShowTheJobWithItsExactId() throws Exception {
        String id = run("trigger", "--name", "ext_books", "-o", "text").out().trim();

        JsonNode job = json(run("describe", "--job-id", id, "-o", "json"));
        assertThat(job.get("jobId").toString()).isEqualTo(id);
        assertThat(job.get("state").asText()).isIn("RefreshPending", "RefreshInProgress");
        assertThat(job.get("collectionName").asText()).isEqualTo("ext_books");

        JsonNode list = json(run("list", "--name", "ext_books", "-o", "json"));
        assertThat(list.get("records")).hasSize(1);
        assertThat(list.get("records").get(0).get("jobId").toString()).isEqualTo(id);

        Result table = run("list");
        assertThat(table.out().lines().toList()).hasSize(2);
        assertThat(table.out()).startsWith("JOB ID").contains(id, "ext_books");
    }

    @Test
    void listIsNewestFirstAndActiveFilters() throws Exception {
        String books = run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        String events = run("trigger", "--name", "ext_events", "--database", "analytics", "-o", "text")
                .out()
                .trim();
        JsonNode all = json(run("list", "-o", "json"));
        assertThat(all.get("records"))
                .extracting(r -> r.get("jobId").toString())
                .containsExactly(events, books);
        JsonNode analytics =
                json(run("list", "--database", "analytics", "--name", "ext_events", "--active", "-o", "json"));
        assertThat(analytics.get("records"))
                .extracting(r -> r.get("jobId").toString())
                .containsExactly(events);
        Result ids = run("list", "--query", "records[].jobId", "-o", "text");
        assertThat(ids.out()).isEqualTo(events + "\n" + books + "\n");
    }

    @Test
    void theOfficialCommandPathGivesTheSameResults() {
        String id = run("external-collection", "refresh", "trigger", "--name", "ext_books", "-o", "text")
                .out()
                .trim();
        assertThat(id).matches("\\d+");
        assertThat(run("external-collection", "refresh", "describe", "--job-id", id, "-o", "json")
                        .out())
                .isEqualTo(run("describe", "--job-id", id, "-o", "json").out());
        assertThat(run("-o", "json", "external-collection", "refresh", "list", "--name", "ext_books")
                        .out())
                .isEqualTo(run("list", "--name", "ext_books", "-o", "json").out());
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        run("trigger", "--name", "ext_books");
        String after = run("list", "-o", "json", "--no-header").out();
        String before = run("-o", "json", "--no-header", "list").out();
        assertThat(after).startsWith("{").isEqualTo(before);
    }

    @Test
    void noEndpointIsAConfigurationErrorAndNothingIsSent() {
        Result result = dev.cli().env("ZILLIZ_ENDPOINT", null).run("list");
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err())
                .contains(
                        "No endpoint for context \"default\"",
                        "zrefresh context set default --endpoint",
                        "ZILLIZ_ENDPOINT");
        assertThat(result.out()).isEmpty();
        assertThat(dev.apiRequests()).isZero();
    }

    @Test
    void noKeyIsAConfigurationErrorAndNothingIsSent() {
        Result result = dev.cli().env("ZILLIZ_API_KEY", null).run("describe", "--job-id", "5");
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("No API key for context \"default\"", "ZILLIZ_API_KEY");
        assertThat(dev.apiRequests()).isZero();
    }

    @Test
    void aWrongKeyIsAnAuthenticationError() {
        Result result = dev.cli().env("ZILLIZ_API_KEY", "wrong").run("list");
        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("authentication failed", "user hasn't authenticated", "HTTP 401", "1800");
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void serverErrorsExitFiveWithCodeAndMessage() {
        Result missing = run("trigger", "--name", "nope");
        assertThat(missing.exit()).isEqualTo(5);
        assertThat(missing.err())
                .contains("collection not found[database=default][collection=nope]", "server code 100");

        Result plain = run("list", "--name", "plain_coll");
        assertThat(plain.exit()).isEqualTo(5);
        assertThat(plain.err()).contains("plain_coll is not an external collection", "1100");

        Result unknownJob = run("describe", "--job-id", "466073417512550401");
        assertThat(unknownJob.exit()).isEqualTo(5);
        assertThat(unknownJob.err()).contains("refresh job 466073417512550401 not found", "1100");
        assertThat(dev.requests(Endpoint.REFRESH))
                .as("the guard's list already failed")
                .isZero();
    }

    @Test
    void stringJobIdsAreSentAsStringsWhichOpenSourceMilvusRefuses() {
        Result result = run("describe", "--job-id", "job-abc123", "--debug");
        assertThat(result.err()).contains("> {\"jobId\":\"job-abc123\"}");
        assertThat(result.exit()).isEqualTo(5);
        assertThat(result.err()).contains("can only accept json format request", "server code 1801");
    }

    @Test
    void anOldDataPlaneIsToldToUpgrade() {
        dev.server.faults().add(Fault.oldDataPlane().on(Endpoint.LIST));
        Result result = run("list");
        assertThat(result.exit()).isEqualTo(5);
        assertThat(result.err()).contains("HTTP 404", "404 page not found", "upgrade the cluster");
    }

    @Test
    void anHtmlPageIsNamedByStatusAndTypeAfterRetries() {
        dev.server
                .faults()
                .add(Fault.httpStatus(502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>")
                        .times(3));
        Result result = run("list", "--retries", "3");
        assertThat(result.exit()).isEqualTo(5);
        assertThat(result.err())
                .contains("HTTP 502", "text/html", "<title>502 Bad Gateway</title>", "after 3 attempts");
        assertThat(dev.requests(Endpoint.LIST)).isEqualTo(3);
    }

    @Test
    void transientFailuresAreRetriedTransparently() throws Exception {
        String id = run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        dev.server
                .faults()
                .add(Fault.httpStatus(503, "text/plain", "unavailable").on(Endpoint.DESCRIBE));
        dev.server.faults().add(Fault.reset().on(Endpoint.DESCRIBE));
        dev.server.faults().add(Fault.rateLimited().on(Endpoint.DESCRIBE));
        Result result = run("describe", "--job-id", id, "-o", "json", "--retries", "4");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(json(result).get("jobId").toString()).isEqualTo(id);
        assertThat(dev.requests(Endpoint.DESCRIBE)).isEqualTo(4);
    }

    @Test
    void retryAfterIsHonoured() {
        dev.server
                .faults()
                .add(Fault.httpStatus(429, "text/plain", "slow down")
                        .withHeader("Retry-After", "1")
                        .on(Endpoint.LIST));
        Result result = run("list");
        assertThat(result.exit()).isZero();
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(dev.requests(Endpoint.LIST)).isEqualTo(2);
    }

    @Test
    void truncatedJsonIsAServerError() {
        dev.server.faults().add(Fault.truncatedJson().on(Endpoint.LIST));
        Result result = run("list");
        assertThat(result.exit()).isEqualTo(5);
        assertThat(result.err()).contains("HTTP 200", "application/json", "that is not the API's JSON");
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        dev.server.faults().add(Fault.delay(Duration.ofSeconds(2)).on(Endpoint.LIST));
        Result result = run("list", "--request-timeout", "500ms");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(dev.requests(Endpoint.LIST)).isEqualTo(2);

        dev.server
                .faults()
                .add(Fault.delay(Duration.ofSeconds(2)).on(Endpoint.LIST).times(2));
        Result exhausted = run("list", "--request-timeout", "500ms", "--retries", "2");
        assertThat(exhausted.exit()).isEqualTo(6);
        assertThat(exhausted.err()).contains("no answer from 127.0.0.1", "within 500ms", "after 2 attempts");
    }

    @Test
    void connectionRefusedIsANetworkError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result result = run("list", "--endpoint", "http://127.0.0.1:" + port, "--retries", "2");
        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("could not connect to 127.0.0.1:" + port + " (connection refused)");
    }

    @Test
    void withJsonOutputAnErrorIsAlsoOneJsonLine() throws Exception {
        Result result = run("describe", "--job-id", "12345", "-o", "json");
        assertThat(result.exit()).isEqualTo(5);
        String[] lines = result.err().split("\n");
        JsonNode error = Json.parse(lines[lines.length - 1]).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(5);
        assertThat(error.get("code").asInt()).isEqualTo(1100);
        assertThat(error.get("message").asText()).contains("refresh job 12345 not found");
        assertThat(error.has("activeJobId")).isFalse();
    }

    @Test
    void debugTracesExchangesWithTheKeyMasked() {
        Result result = run("list", "--debug");
        assertThat(result.exit()).isZero();
        assertThat(result.err())
                .contains(
                        "> POST " + dev.server.url() + "/v2/vectordb/jobs/external_collection/list",
                        "> Authorization: Bearer ***",
                        "> {\"dbName\":\"default\"}",
                        "< HTTP 200")
                .doesNotContain(DevServerFixture.TOKEN);
    }

    @Test
    void specFromFileAndStdinIsSentAsACompactString(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\n  \"format\": \"parquet\",\n  \"columns\": [\"título\"]\n}\n");
        Result fromFile = run(
                "trigger",
                "--name",
                "ext_new",
                "--external-source",
                "s3://bucket/new/",
                "--external-spec",
                "@" + spec,
                "--wait",
                "--timeout",
                "1s",
                "-o",
                "json");
        JsonNode job = Json.parse(fromFile.out());
        assertThat(job.get("externalSpec").asText()).isEqualTo("{\"format\":\"parquet\",\"columns\":[\"título\"]}");
        assertThat(job.get("externalSource").asText()).isEqualTo("s3://bucket/new/");

        Result fromStdin = dev.cli()
                .stdin("{\"format\": \"vortex\"}")
                .run(
                        "trigger",
                        "--name",
                        "ext_events",
                        "--database",
                        "analytics",
                        "--external-source",
                        "s3://bucket/events/",
                        "--external-spec",
                        "@-",
                        "-o",
                        "text");
        assertThat(fromStdin.exit()).as(fromStdin.toString()).isZero();
        JsonNode described = json(run("describe", "--job-id", fromStdin.out().trim(), "-o", "json"));
        assertThat(described.get("externalSpec").asText()).isEqualTo("{\"format\":\"vortex\"}");
    }

    @Test
    void noCommandPrintsHelpOnStdout() {
        Result result = run();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Usage: zrefresh", "trigger", "describe", "Exit codes:");
        assertThat(dev.apiRequests()).isZero();
    }

    @Test
    void versionNeedsNoConfiguration() {
        Result result = new CliRun().run("--version");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).matches("zrefresh \\S+\n");
    }
}
