package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerTest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextCommandTest extends DevServerTest {

    /** As the official CLI writes them, with a comment and sections zrefresh does not know. */
    private static final String OFFICIAL_CONFIG = """
            # managed by zilliz login
            [default]
            endpoint = https://in03-abc.serverless.gcp-us-west1.cloud.zilliz.com
            database = default
            cluster_id = in03-abc
            region = gcp-us-west1

            [settings]
            telemetry = false
            """;

    private static final String OFFICIAL_CREDENTIALS = """
            [default]
            api_key = sk-default-0123456789abcd

            [org.8f2e]
            api_key = org-key-should-stay
            """;

    private CliRun cli() {
        return new CliRun().env("ZILLIZ_CONFIG_DIR", home.toString()).env("HOME", home.toString());
    }

    private void officialFiles() throws Exception {
        Files.writeString(home.resolve("config"), OFFICIAL_CONFIG);
        Files.writeString(home.resolve("credentials"), OFFICIAL_CREDENTIALS);
        Files.setPosixFilePermissions(home.resolve("credentials"), PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void setCreatesAContextWithItsKeyFromStdin() throws Exception {
        Result set = cli().stdin("sk-staging-9999888877776666\n")
                .run(
                        "context",
                        "set",
                        "staging",
                        "--endpoint",
                        "https://staging.example",
                        "--database",
                        "db1",
                        "--api-key-stdin");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out()).isEmpty();
        assertThat(set.err()).contains("Context \"staging\" saved");
        assertThat(Files.readString(home.resolve("config")))
                .isEqualTo("[staging]\nendpoint = https://staging.example\ndatabase = db1\n");
        assertThat(Files.readString(home.resolve("credentials")))
                .isEqualTo("[staging]\napi_key = sk-staging-9999888877776666\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("credentials"))))
                .isEqualTo("rw-------");
    }

    @Test
    void setKeepsTheOfficialFilesCommentsUnknownKeysAndSectionsByteForByte() throws Exception {
        officialFiles();
        Result set = cli().stdin("sk-prod-aaaabbbbccccdddd")
                .run(
                        "context",
                        "set",
                        "prod",
                        "--endpoint",
                        "https://prod.example",
                        "--cluster-id",
                        "in03-prod",
                        "--api-key-stdin");
        assertThat(set.exit()).isZero();
        assertThat(Files.readString(home.resolve("config")))
                .isEqualTo(OFFICIAL_CONFIG + "\n[prod]\nendpoint = https://prod.example\ncluster_id = in03-prod\n");
        assertThat(Files.readString(home.resolve("credentials")))
                .isEqualTo(OFFICIAL_CREDENTIALS + "\n[prod]\napi_key = sk-prod-aaaabbbbccccdddd\n");

        cli().run("context", "set", "default", "--database", "analytics");
        assertThat(Files.readString(home.resolve("config")))
                .startsWith(OFFICIAL_CONFIG.replace("database = default", "database = analytics"));
    }

    @Test
    void showMasksTheKeyAndFollowsTheContextInUse() throws Exception {
        officialFiles();
        Result show = cli().run("context", "show", "-o", "json");
        JsonNode context = Json.parse(show.out());
        assertThat(context.get("name").asText()).isEqualTo("default");
        assertThat(context.get("api_key").asText()).isEqualTo("****abcd");
        assertThat(context.get("region").asText()).isEqualTo("gcp-us-west1");
        assertThat(show.out()).doesNotContain("sk-default");

        Result table = cli().run("context", "show", "default");
        assertThat(table.out().lines()).contains("api_key     ****abcd", "cluster_id  in03-abc");

        Result missing = cli().run("--context", "nope", "context", "show");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("Context \"nope\" is not defined");
    }

    @Test
    void listShowsEveryContextOnceWithoutOrgSections() throws Exception {
        officialFiles();
        Result list = cli().run("context", "list", "-o", "json");
        JsonNode contexts = Json.parse(list.out());
        assertThat(contexts).extracting(node -> node.get("name").asText()).containsExactly("default", "settings");
        assertThat(list.out()).doesNotContain("org-key", "sk-default");
        assertThat(cli().run("context", "list", "--query", "[].name", "-o", "text")
                        .out())
                .isEqualTo("default\nsettings\n");
    }

    @Test
    void withoutContextsListPrintsAnEmptyValueAndSaysHowToCreateOne() {
        Map<String, String> expected = Map.of(
                "table", "NAME  ENDPOINT  DATABASE  CLUSTER_ID  API_KEY\n",
                "json", "[]\n",
                "yaml", "[]\n",
                "csv", "",
                "text", "");
        expected.forEach((format, out) -> {
            Result list = cli().run("context", "list", "-o", format);
            assertThat(list.exit()).as(list.toString()).isZero();
            assertThat(list.out()).as(format).isEqualTo(out);
            assertThat(list.err())
                    .as(format)
                    .isEqualTo("No contexts yet; create one with: zrefresh context set default --endpoint URL"
                            + " --api-key-stdin (or set ZILLIZ_ENDPOINT and ZILLIZ_API_KEY).\n");
        });
        assertThat(cli().run("context", "list", "--no-header").out()).isEmpty();
        assertThat(cli().run("context", "list", "--query", "length(@)").out()).isEqualTo("0\n");
    }

    @Test
    void deleteRemovesTheContextFromBothFiles() throws Exception {
        officialFiles();
        cli().stdin("k-123456789").run("context", "set", "temp", "--endpoint", "https://t.example", "--api-key-stdin");
        Result delete = cli().run("context", "delete", "temp");
        assertThat(delete.exit()).isZero();
        assertThat(Files.readString(home.resolve("config"))).isEqualTo(OFFICIAL_CONFIG + "\n");
        assertThat(Files.readString(home.resolve("credentials"))).isEqualTo(OFFICIAL_CREDENTIALS + "\n");
        Result again = cli().run("context", "delete", "temp");
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err()).contains("Context \"temp\" is not defined");
    }

    @Test
    void anEmptyKeyOnStdinIsAUsageErrorAndNothingIsWritten() {
        Result set = cli().stdin("").run("context", "set", "x", "--endpoint", "https://x.example", "--api-key-stdin");
        assertThat(set.exit()).isEqualTo(2);
        assertThat(set.err()).contains("--api-key-stdin: stdin held no API key");
        assertThat(home.resolve("config")).doesNotExist();
    }

    @Test
    void aContextSetHereIsUsedByTheOtherCommands() {
        server(Duration.ofSeconds(30));
        cli().stdin("test-token")
                .run("context", "set", "local", "--endpoint", dev.server.url().toString(), "--api-key-stdin");
        Result list = cli().run("--context", "local", "list", "-o", "json");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).contains("\"records\"");
        assertThat(cli().env("ZILLIZ_CONTEXT", "local").run("list").exit()).isZero();
    }
}
