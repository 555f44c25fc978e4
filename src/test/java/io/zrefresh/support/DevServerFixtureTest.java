package io.zrefresh.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun.Result;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Client and server on one fake clock: a wait for a job takes no real time. */
class DevServerFixtureTest extends DevServerTest {

    @Test
    void aTenSecondJobCompletesWhenTheFakeClockHasMovedTenSeconds() throws Exception {
        FakeTime time = new FakeTime();
        Instant started = time.instant();
        server(Duration.ofSeconds(10), time);

        Result result = dev.cli()
                .run(
                        "trigger",
                        "--name",
                        "ext_books",
                        "--wait",
                        "--poll-interval",
                        "1s",
                        "--timeout",
                        "20s",
                        "-o",
                        "json");

        assertThat(result.exit()).as(result.toString()).isZero();
        JsonNode job = Json.parse(result.out());
        assertThat(job.get("state").asText()).isEqualTo("RefreshCompleted");
        assertThat(job.get("startTime").asLong()).isEqualTo(started.toEpochMilli());
        assertThat(job.get("endTime").asLong())
                .isEqualTo(started.plusSeconds(10).toEpochMilli());
        assertThat(time.sleeps).as("the wait slept on the fake clock only").containsOnly(Duration.ofSeconds(1));
        assertThat(Duration.between(started, time.instant())).isEqualTo(Duration.ofSeconds(10));
    }
}
