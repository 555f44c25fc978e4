package io.zrefresh.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.config.ConfigException;
import io.zrefresh.json.Json;
import io.zrefresh.support.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();

    @Test
    void theFileIsTruncatedAtStartAndEachEventIsALineWithItsTime() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "an older run\n".repeat(10));
        EventLog log = EventLog.open(file, System.err, time);
        assertThat(Files.size(file)).as("truncated before any event").isZero();
        log.start("trigger", "1.2.3");
        assertThat(Files.readAllLines(file)).as("written at once").hasSize(1);
        log.finished(8);
        log.close();
        List<String> lines = Files.readAllLines(file);
        JsonNode start = Json.parse(lines.get(0));
        assertThat(lines.get(0))
                .isEqualTo("{\"type\":\"start\",\"version\":1,\"command\":\"trigger\",\"zrefreshVersion\":\"1.2.3\","
                        + "\"time\":\"2026-11-21T10:00:00Z\"}");
        assertThat(start.get("time").asText()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(Json.parse(lines.get(1)).get("exitCode").asInt()).isEqualTo(8);
    }

    @Test
    void aDashWritesToStderr() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EventLog log = EventLog.open(Path.of("-"), new PrintStream(err, true, StandardCharsets.UTF_8), time);
        log.finished(0);
        log.close();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"finished\",\"exitCode\":0,\"time\":\"2026-11-21T10:00:00Z\"}\n");
    }

    @Test
    void aFileThatCannotBeWrittenIsAConfigurationError() {
        assertThatThrownBy(() -> EventLog.open(dir.resolve("no/such/dir/e.jsonl"), System.err, time))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--events: cannot write")
                .hasMessageContaining("no such directory");
        assertThatThrownBy(() -> EventLog.open(dir, System.err, time))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--events: cannot write " + dir);
    }
}
