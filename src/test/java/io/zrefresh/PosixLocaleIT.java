package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerFixture;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.ExternalProgram;
import io.zrefresh.support.ProcessRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * zrefresh run with {@code java -jar} under {@code LC_ALL=C}, as CI containers run it: arguments and
 * spec files reach the server as the UTF-8 they were typed as, or nothing is sent.
 */
class PosixLocaleIT extends DevServerTest {

    private Map<String, String> env;

    @BeforeEach
    void posixLocale() {
        server(Duration.ofSeconds(60));
        env = Map.of(
                "PATH", System.getenv("PATH"),
                "HOME", home.toString(),
                "ZILLIZ_CONFIG_DIR", home.resolve(".zilliz").toString(),
                "LANG", "C",
                "LC_ALL", "C",
                "ZILLIZ_ENDPOINT", dev.server.url().toString(),
                "ZILLIZ_API_KEY", DevServerFixture.TOKEN);
    }

    /**
     * Runs zrefresh with these arguments, written as shell words into a script, so that they reach
     * the process as these bytes whatever this JVM's own locale.
     */
    private Result zrefresh(String... shellWords) throws Exception {
        List<String> words = new ArrayList<>(
                ProcessRun.command().stream().map(PosixLocaleIT::quote).toList());
        words.addAll(List.of(shellWords));
        Path script = Files.createTempFile(home, "run", ".sh");
        Files.writeString(script, "exec " + String.join(" ", words) + "\n", StandardCharsets.UTF_8);
        return ExternalProgram.run(env, Duration.ofSeconds(60), "sh", script.toString());
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static String quoted(String... words) {
        return List.of(words).stream().map(PosixLocaleIT::quote).collect(Collectors.joining(" "));
    }

    @Test
    void aNonAsciiNameReachesTheServerByteExact() throws Exception {
        Result trigger = zrefresh(quoted("trigger", "--name", "ext_unicode_数据", "-o", "json"));
        assertThat(trigger.exit()).as(trigger.toString()).isEqualTo(5);
        String[] lines = trigger.err().split("\n");
        assertThat(Json.parse(lines[lines.length - 1])
                        .path("error")
                        .path("message")
                        .asText())
                .as("the server's answer names the collection as it received it")
                .contains("collection not found[database=default][collection=ext_unicode_数据]");
    }

    @Test
    void anInlineSpecAndSourceWithNonAsciiAreStoredAsTyped() throws Exception {
        String spec = "{\"format\":\"parquet\",\"columns\":[\"título\",\"名前\"]}";
        Result trigger = zrefresh(quoted(
                "trigger",
                "--name",
                "ext_new",
                "--external-source",
                "s3://bucket/新しい/",
                "--external-spec",
                spec,
                "-o",
                "text"));
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        Result describe = zrefresh(quoted("describe", "--job-id", trigger.out().strip(), "-o", "json"));
        JsonNode job = Json.parse(describe.out());
        assertThat(job.path("externalSource").asText()).isEqualTo("s3://bucket/新しい/");
        assertThat(job.path("externalSpec").asText()).isEqualTo(spec);
        Result list =
                zrefresh(quoted("list", "--name", "ext_new", "--query", "records[0].externalSource", "-o", "text"));
        assertThat(list.out()).isEqualTo("s3://bucket/新しい/\n");
    }

    @Test
    void anArgumentThatIsNotUtf8IsAUsageErrorAndNothingIsSent() throws Exception {
        Result result = zrefresh(quoted("trigger", "--name") + " \"$(printf 'ext_\\351')\" -o json");
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("Argument 3 ('ext_\uFFFD') is not valid UTF-8", "run it under a UTF-8 locale")
                .contains("{\"error\":{\"exitCode\":2,");
        assertThat(result.out()).isEmpty();
        assertThat(dev.apiRequests()).isZero();
    }

    @Test
    void aSpecFileThatIsNotUtf8IsAUsageErrorAndNothingIsSent() throws Exception {
        Path spec = home.resolve("latin1.json");
        Files.write(spec, "{\"columns\":[\"t\u00edtulo\"]}".getBytes(StandardCharsets.ISO_8859_1));
        for (String source : List.of("@" + spec, "@-")) {
            Result result = zrefresh(
                    quoted("trigger", "--name", "ext_new", "--external-source", "s3://b/", "--external-spec", source)
                            + " < " + quote(spec.toString()));
            assertThat(result.exit()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).contains("is not UTF-8 text");
        }
        assertThat(dev.apiRequests()).isZero();
    }
}
