package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.devserver.Endpoint;
import io.zrefresh.devserver.Fault;
import io.zrefresh.devserver.JobBehaviour;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC 11.4: a wait rides out a short outage, gives up on a long one, and ends on a job that stalls. */
class WaitThroughOutagesEndToEndTest extends DevServerTest {

    private final FakeTime time = new FakeTime();
    private String id;

    @BeforeEach
    void triggerAJob() {
        server(Duration.ofSeconds(60), time);
        id = dev.cli().run("trigger", "--name", "ext_books", "-o", "text").out().trim();
    }

    @Test
    void aShortOutageIsRiddenOutAndToldOnceEachWay() throws Exception {
        dev.server.faults().add(Fault.reset().on(Endpoint.DESCRIBE).times(6));
        Result result = dev.cli().run("wait", "--job-id", id, "-o", "json");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(Json.parse(result.out()).get("state").asText()).isEqualTo("RefreshCompleted");
        assertThat(result.err())
                .containsOnlyOnce("Server unreachable since 10:00:")
                .contains("still trying (job " + id + " keeps running)")
                .containsOnlyOnce("Server reachable again after");
    }

    @Test
    void withoutATimeoutTheWaitGivesUpAfterMaxOutageWithTheJobAsLastSeen() throws Exception {
        dev.server.faults().add(Fault.reset().on(Endpoint.DESCRIBE).times(1000));
        Result result = dev.cli().run("wait", "--job-id", id, "--max-outage", "1m", "-o", "json");
        assertThat(result.exit()).as(result.toString()).isEqualTo(6);
        assertThat(result.out()).as("no poll answered: no job to print").isEmpty();
        assertThat(result.err()).contains("Gave up waiting for job " + id, "may still be running");
    }

    @Test
    void withATimeoutAnOutageEndsAtTheDeadline() throws Exception {
        dev.server
                .faults()
                .add(Fault.httpStatus(503, "text/html", "<html>down</html>")
                        .on(Endpoint.DESCRIBE)
                        .times(1000));
        Result result = dev.cli().run("wait", "--job-id", id, "--timeout", "2m", "-o", "json");
        assertThat(result.exit()).as(result.toString()).isEqualTo(9);
        assertThat(result.err()).contains("Server unreachable since", "Timed out waiting for job " + id);
    }

    @Test
    void aJobAtAPlateauEndsTheWaitAfterTheStallTimeout() throws Exception {
        dev.server.setJobBehaviour("analytics", "ext_events", JobBehaviour.plateau(95, Duration.ofHours(1)));
        String plateau = dev.cli()
                .run("trigger", "--name", "ext_events", "--database", "analytics", "-o", "text")
                .out()
                .trim();
        Result result = dev.cli().run("wait", "--job-id", plateau, "--stall-timeout", "5m", "-o", "json");
        assertThat(result.exit()).as(result.toString()).isEqualTo(9);
        assertThat(Json.parse(result.out()).get("progress").asInt()).isEqualTo(95);
        assertThat(result.err()).contains("No progress for 5m (still RefreshInProgress 95%)");
    }
}
