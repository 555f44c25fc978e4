package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.cli.report.CiReport;
import io.zrefresh.cli.report.CiSystem;
import io.zrefresh.devserver.Endpoint;
import io.zrefresh.devserver.Fault;
import io.zrefresh.json.Json;
import io.zrefresh.output.ProgressPrinter;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key never shows; server text never drives the terminal or a CI log (in-process, against the dev server). */
class SecretsAndServerTextEndToEndTest extends DevServerTest {

    /** A window title, a screen clear, a carriage return and a line that a GitHub Actions log would obey. */
    private static final String HOSTILE = "boom\\n::error::forged\\u001b]0;pwned\\u0007\\u001b[2J\\rback\\u009b31m";

    /** A failed job whose texts are hostile (its state too, unless a wait must see it end). */
    private static String hostileJob(String state) {
        return "{\"jobId\":466073417512550401,\"collectionName\":\"books" + HOSTILE + "\",\"state\":\"" + state
                + "\",\"progress\":7,\"startTime\":1754550000123,\"endTime\":1754550004321,\"reason\":\"" + HOSTILE
                + "\"}";
    }

    private static final String HOSTILE_JOB = hostileJob("RefreshFailed" + HOSTILE);

    @BeforeEach
    void start() {
        server(Duration.ofSeconds(30));
    }

    private void answer(Endpoint endpoint, String data) {
        dev.server
                .faults()
                .add(Fault.httpStatus(200, "application/json", "{\"code\":0,\"data\":" + data + "}")
                        .on(endpoint));
    }

    /** No escape, carriage return or C1 control reaches the output, and no line starts a CI command. */
    private static void assertHarmless(String text) {
        assertThat(text).doesNotContain("\u001b", "\r", "\u0007", "\u009b");
        assertThat(text.lines()).noneMatch(line -> line.startsWith("::"));
    }

    @Test
    void aFailedJobsReasonIsEscapedOnStderrAndExactInJson() throws Exception {
        answer(Endpoint.DESCRIBE, hostileJob("RefreshFailed"));
        Result result = dev.cli().run("wait", "--job-id", "466073417512550401", "-o", "json");
        assertThat(result.exit()).as(result.toString()).isEqualTo(8);
        assertHarmless(result.err());
        assertThat(result.err()).contains("failed: boom\\n::error::forged\\u001b]0;pwned\\u0007");
        assertThat(Json.parse(result.out()).get("reason").asText()).contains("\n::error::forged\u001b]0;pwned");
    }

    @Test
    void theJsonLineOfAnErrorKeepsTheServersTextExact() throws Exception {
        answer(Endpoint.DESCRIBE, hostileJob("RefreshFailed"));
        Result result = dev.cli().run("wait", "--job-id", "466073417512550401", "-o", "json");
        assertThat(result.exit()).as(result.toString()).isEqualTo(8);
        List<String> lines = result.err().lines().toList();
        assertHarmless(result.err());
        assertThat(result.err()).contains("failed: boom\\n::error::forged\\u001b]0;pwned\\u0007");
        String message = Json.parse(lines.get(lines.size() - 1))
                .path("error")
                .path("message")
                .asText();
        assertThat(message).contains("failed: boom\n::error::forged\u001b]0;pwned\u0007");
    }

    @Test
    void eventsOnStderrCarryNoControlCharacterAndKeepTheValuesExact() throws Exception {
        answer(Endpoint.DESCRIBE, hostileJob("RefreshFailed"));
        Result result = dev.cli().run("wait", "--job-id", "466073417512550401", "--events", "-", "-o", "json");
        assertThat(result.exit()).as(result.toString()).isEqualTo(8);
        assertHarmless(result.err());
        String state = result.err()
                .lines()
                .filter(line -> line.startsWith("{\"type\":\"state\""))
                .findFirst()
                .orElseThrow();
        assertThat(Json.parse(state).path("collectionName").asText())
                .isEqualTo("books" + Json.parse("\"" + HOSTILE + "\"").asText());
    }

    @Test
    void tablesAndTextShowControlCharactersAsEscapesCsvAndJsonKeepThem() throws Exception {
        for (String format : new String[] {"table", "text"}) {
            answer(Endpoint.LIST, "{\"records\":[" + HOSTILE_JOB + "]}");
            Result result = dev.cli().run("list", "-o", format);
            assertThat(result.exit()).as(result.toString()).isZero();
            assertHarmless(result.out());
            assertThat(result.out().lines()).as(format).hasSize(format.equals("table") ? 2 : 1);
        }
        answer(Endpoint.DESCRIBE, HOSTILE_JOB);
        Result describe = dev.cli().run("describe", "--job-id", "466073417512550401");
        assertHarmless(describe.out());
        answer(Endpoint.DESCRIBE, HOSTILE_JOB);
        Result scalar = dev.cli().run("describe", "--job-id", "466073417512550401", "--query", "reason");
        assertThat(scalar.out()).isEqualTo("boom\\n::error::forged\\u001b]0;pwned\\u0007\\u001b[2J\\rback\\u009b31m\n");

        answer(Endpoint.LIST, "{\"records\":[" + HOSTILE_JOB + "]}");
        assertThat(dev.cli().run("list", "-o", "csv").out()).contains("\n::error::forged\u001b]0;pwned");
        answer(Endpoint.LIST, "{\"records\":[" + HOSTILE_JOB + "]}");
        assertThat(dev.cli().run("list", "-o", "json").out()).contains("\\n::error::forged\\u001B]0;pwned");
    }

    @Test
    void aServerErrorMessageIsEscaped() {
        dev.server
                .faults()
                .add(Fault.httpStatus(
                                200, "application/json", "{\"code\":100,\"message\":\"not found" + HOSTILE + "\"}")
                        .on(Endpoint.LIST));
        Result result = dev.cli().run("list", "--name", "books");
        assertThat(result.exit()).isEqualTo(5);
        assertHarmless(result.err());
        assertThat(result.err()).contains("not foundboom\\n::error::forged\\u001b]0;pwned");
    }

    @Test
    void theDebugTraceShowsTheServersBodyEscaped() {
        dev.server
                .faults()
                .add(Fault.httpStatus(503, "text/plain", "down\u001b]0;pwned\u0007\n::error::forged\r")
                        .on(Endpoint.LIST));
        Result result = dev.cli().run("list", "--debug", "--retries", "1");
        assertThat(result.exit()).as(result.toString()).isEqualTo(5);
        assertHarmless(result.err());
        assertThat(result.err()).contains("< down\\u001b]0;pwned\\u0007\\n::error::forged\\r");
    }

    @Test
    void noticesQuotingTheServerAreEscaped() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        World world = World.of(new PrintStream(new ByteArrayOutputStream()), err, Map.of());
        new StderrListener(
                        world,
                        ProgressPrinter.forLog(err, false),
                        CiReport.of(CiSystem.OFF, Map.of(), err, Clock.systemUTC()),
                        false)
                .retryingUnnamedActive("books", "duplicate\n::error::forged\u001b[2J", Duration.ofSeconds(2));
        assertHarmless(stderr.toString(StandardCharsets.UTF_8));
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void aKeyThatCannotGoIntoAHeaderStopsBeforeAnyRequestWithoutShowingIt() {
        for (String key : new String[] {"sk-live\n0123", "sk-live\u20130123", "sk-live\u00010123"}) {
            Result result = dev.cli().env("ZILLIZ_API_KEY", key).run("list", "-o", "json");
            assertThat(result.exit()).as(result.toString()).isEqualTo(3);
            assertThat(result.err())
                    .startsWith("ZILLIZ_API_KEY cannot be sent: it has a")
                    .contains("at character 8 of ", "\"exitCode\":3")
                    .doesNotContain("0123", "Internal error");
        }
        assertThat(dev.apiRequests()).isZero();
    }

    @Test
    void aKeyAmongTheWordsOfAUsageErrorIsMasked() {
        String key = "sk-usage-secret-7";
        for (String[] args :
                new String[][] {{"list", key}, {"list", "--name", "x", "--bogus", key, "-o", "json"}, {"lsit", key}}) {
            Result result = dev.cli().env("ZILLIZ_API_KEY", key).run(args);
            assertThat(result.exit()).as(result.toString()).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).as(result.toString()).doesNotContain(key).contains("***");
        }
    }

    @Test
    void anEndpointFlagWithAPasswordIsAUsageErrorThatMasksIt() {
        Result result = dev.cli().run("list", "--endpoint", "https://admin:hunter2@cluster.example");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("'https://***@cluster.example' holds a user name or password");
        assertThat(result.err()).doesNotContain("hunter2");
    }

    @Test
    void debugMasksTheSecretsOfTheSpec() {
        Result result = dev.cli()
                .run(
                        "trigger",
                        "--name",
                        "ext_new",
                        "--external-source",
                        "s3://bucket/new/",
                        "--external-spec",
                        "{\"format\":\"parquet\",\"extfs\":{\"cloud_provider\":\"aws\",\"access_key_id\":\"AKIA1\","
                                + "\"secret_access_key\":\"s3cr3t-value\"}}",
                        "--debug");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err())
                .contains("Bearer ***", "\\\"secret_access_key\\\":\\\"***\\\"", "\\\"access_key_id\\\":\\\"AKIA1\\\"")
                .doesNotContain("s3cr3t-value", "test-token");
    }
}
