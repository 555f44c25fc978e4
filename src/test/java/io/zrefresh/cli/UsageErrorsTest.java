package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.devserver.Endpoint;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerTest;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input of the spec: exit 2, one clear message, nothing on stdout, nothing sent. */
class UsageErrorsTest extends DevServerTest {

    @BeforeEach
    void start() {
        server(Duration.ofSeconds(30));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(new String[] {"trigger"}, "Missing required option: '--name=COLLECTION'"),
                Arguments.of(new String[] {"trigger", "--name", ""}, "--name must not be empty"),
                Arguments.of(
                        new String[] {"trigger", "--name", "ext_books", "--external-source", "s3://b/"},
                        "--external-source and --external-spec must be given both or neither"),
                Arguments.of(
                        new String[] {"trigger", "--name", "ext_books", "--external-spec", "{}"},
                        "--external-source and --external-spec must be given both or neither"),
                Arguments.of(
                        new String[] {
                            "trigger",
                            "--name",
                            "ext_books",
                            "--external-source",
                            "s3://b/",
                            "--external-spec",
                            "{format"
                        },
                        "--external-spec is not valid JSON"),
                Arguments.of(
                        new String[] {
                            "trigger", "--name", "ext_books", "--external-source", "s3://b/", "--external-spec", "[1]"
                        },
                        "--external-spec must be a JSON object"),
                Arguments.of(
                        new String[] {
                            "trigger",
                            "--name",
                            "ext_books",
                            "--external-source",
                            "s3://b/",
                            "--external-spec",
                            "@/no/such/file.json"
                        },
                        "--external-spec: cannot read /no/such/file.json"),
                Arguments.of(
                        new String[] {"trigger", "--name", "ext_books", "--on-active", "maybe"},
                        "'maybe' is not one of fail, wait, skip"),
                Arguments.of(
                        new String[] {"trigger", "--name", "ext_books", "--wait", "--poll-interval", "100ms"},
                        "Invalid value for option '--poll-interval': must be at least 500ms, got 100ms"),
                Arguments.of(
                        new String[] {"trigger", "--name", "ext_books", "--timeout", "soon"},
                        "'soon' is not a duration"),
                Arguments.of(new String[] {"describe"}, "Missing required option: '--job-id=ID'"),
                Arguments.of(new String[] {"describe", "--job-id", ""}, "the job id is empty"),
                Arguments.of(new String[] {"describe", "--job-id", "0"}, "a job id must be positive"),
                Arguments.of(new String[] {"describe", "--job-id=-5"}, "a job id must be positive"),
                Arguments.of(
                        new String[] {"describe", "--job-id", "9223372036854775808"}, "larger than a 64-bit integer"),
                Arguments.of(new String[] {"describe", "--job-id", "job 1"}, "is not a job id"),
                Arguments.of(
                        new String[] {"wait", "--job-id", "5", "--poll-interval", "499ms"},
                        "Invalid value for option '--poll-interval': must be at least 500ms, got 499ms"),
                Arguments.of(
                        new String[] {"wait", "--job-id", "5", "--timeout", "0"},
                        "Invalid value for option '--timeout': must be longer than 0, got '0'"),
                Arguments.of(
                        new String[] {"wait", "--job-id", "5", "--max-outage", "0s"},
                        "Invalid value for option '--max-outage': must be longer than 0, got '0s'"),
                Arguments.of(
                        new String[] {"trigger", "--name", "ext_books", "--stall-timeout", "a while"},
                        "'a while' is not a duration"),
                Arguments.of(
                        new String[] {"list", "--query", "records[?state=='X'"},
                        "invalid --query 'records[?state=='X''"),
                Arguments.of(new String[] {"list", "-o", "xml"}, "'xml' is not an output format"),
                Arguments.of(new String[] {"list", "--retries", "0"}, "--retries must be at least 1"),
                Arguments.of(
                        new String[] {"list", "--request-timeout", "0"},
                        "Invalid value for option '--request-timeout': must be longer than 0"),
                Arguments.of(new String[] {"list", "--endpoint", "not a url"}, "is not an endpoint URL"),
                Arguments.of(new String[] {"list", "--bogus"}, "Unknown option: '--bogus'"),
                Arguments.of(new String[] {"trigger", "--name", "ext_books", "--name", ""}, "--name must not be empty"),
                Arguments.of(
                        new String[] {"trigger", "--name", "ext_books", "--if-older-than", "an hour"},
                        "Invalid value for option '--if-older-than': 'an hour' is not a duration"),
                Arguments.of(
                        new String[] {"trigger", "--name", "ext_books", "--if-older-than", "0s"},
                        "Invalid value for option '--if-older-than': must be longer than 0, got '0s'"),
                Arguments.of(
                        new String[] {"list", "--watch", "--interval", "100ms"},
                        "Invalid value for option '--interval': must be at least 500ms, got 100ms"),
                Arguments.of(new String[] {"list", "--interval", "5s"}, "--interval goes with --watch"),
                Arguments.of(new String[] {"list", "--until-idle"}, "--until-idle goes with --watch"),
                Arguments.of(new String[] {"list", "--max-outage", "1m"}, "--max-outage goes with --watch"),
                Arguments.of(
                        new String[] {"--ci", "jenkins", "list"},
                        "Invalid value for option '--ci': 'jenkins' is not one of auto, github, gitlab, off"),
                Arguments.of(new String[] {"wait"}, "wait needs either --job-id or --name (not both)"),
                Arguments.of(
                        new String[] {"wait", "--job-id", "5", "--name", "ext_books"},
                        "wait needs either --job-id or --name (not both)"),
                Arguments.of(new String[] {"wait", "--name", ""}, "--name must not be empty"),
                Arguments.of(
                        new String[] {"wait", "--job-id", "5", "--database", "analytics"},
                        "--database goes with --name"),
                Arguments.of(new String[] {"triger"}, "Unmatched argument at index 0: 'triger'"),
                Arguments.of(new String[] {"external-collection"}, "Missing a command: one of refresh"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void isAUsageError(String[] args, String message) {
        Result result = dev.cli().run(args);
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("\tat ", "Exception");
        assertThat(result.out()).isEmpty();
        assertThat(dev.apiRequests()).isZero();
    }

    static Stream<Arguments> badConfiguration() {
        return Stream.of(
                Arguments.of(
                        new String[] {"--events", "/no/such/dir/events.jsonl", "trigger", "--name", "ext_books"},
                        Map.of(),
                        "--events: cannot write /no/such/dir/events.jsonl (no such directory)"),
                Arguments.of(
                        new String[] {"trigger", "--name", "ext_books"},
                        Map.of("ZREFRESH_CI", "jenkins"),
                        "ZREFRESH_CI: 'jenkins' is not one of auto, github, gitlab, off"));
    }

    @ParameterizedTest
    @MethodSource("badConfiguration")
    void isAConfigurationErrorBeforeAnyRequest(String[] args, Map<String, String> env, String message) {
        CliRun cli = dev.cli();
        env.forEach(cli::env);
        Result result = cli.run(args);
        assertThat(result.exit()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).isEqualTo(message + "\n");
        assertThat(result.out()).isEmpty();
        assertThat(dev.apiRequests()).isZero();
    }

    @Test
    void aNameGivenTwiceIsSentAndReportedOnce() throws Exception {
        Result result = dev.cli().run("trigger", "--name", "ext_books", "--name", "ext_books", "-o", "json");
        assertThat(result.exit()).isZero();
        assertThat(result.err())
                .isEqualTo("--name ext_books is given more than once; it is refreshed and reported once.\n");
        assertThat(Json.parse(result.out()).get("records")).hasSize(1);
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(1);
        assertThat(dev.requests(Endpoint.LIST)).isEqualTo(1);
    }

    @Test
    void aQueryThatFailsOnTheAnswerIsAUsageError() {
        Result result = dev.cli().run("list", "--query", "abs(records)");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .contains("--query 'abs(records)' failed", "expected number but was array")
                .doesNotContain("Internal");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void misspelledCommandsGetASuggestion() {
        Result result = dev.cli().run("triger");
        assertThat(result.err()).contains("Did you mean", "trigger", "Run 'zrefresh --help' for usage.");
    }

    /**
     * With -o json, a usage error is a JSON line too, wherever -o json is: picocli stops at the
     * first error, before or after it reached -o.
     */
    @ParameterizedTest
    @MethodSource("jsonRequested")
    void usageErrorsAreAJsonLineWithJsonOutput(String[] args) throws Exception {
        Result result = dev.cli().run(args);
        assertThat(result.exit()).isEqualTo(2);
        String[] lines = result.err().split("\n");
        assertThat(Json.parse(lines[lines.length - 1])
                        .path("error")
                        .path("exitCode")
                        .asInt())
                .as(result.toString())
                .isEqualTo(2);
    }

    static Stream<Arguments> jsonRequested() {
        return Stream.of(
                Arguments.of((Object) new String[] {"-o", "json", "describe", "--job-id", "0"}),
                Arguments.of((Object) new String[] {"describe", "--job-id", "0", "-o", "json"}),
                Arguments.of((Object) new String[] {"--retries", "0", "-o", "json", "list"}),
                Arguments.of((Object) new String[] {"list", "--retries", "0", "--output=json"}),
                Arguments.of((Object) new String[] {"list", "--bogus", "-oJSON"}),
                Arguments.of((Object) new String[] {"triger", "--output", "json"}),
                Arguments.of((Object) new String[] {"list", "--request-timeout", "0", "-o", "table", "-o=json"}));
    }

    @Test
    void noJsonLineWhenTheLastOutputIsNotJson() {
        Result result = dev.cli().run("list", "-o", "json", "--retries", "0", "-o", "table");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("{\"error\"");
    }
}
