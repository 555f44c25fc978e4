package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerFixture;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.ProcessRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM, which CI runners and container runtimes send to stop a step, stops zrefresh as Ctrl-C
 * does, with the exit code shells give a process that SIGTERM ended: 143.
 */
class SignalsIT extends DevServerTest {

    private ProcessRun zrefresh() {
        server(Duration.ofSeconds(120));
        return new ProcessRun(home)
                .env("ZILLIZ_ENDPOINT", dev.server.url().toString())
                .env("ZILLIZ_API_KEY", DevServerFixture.TOKEN);
    }

    @Test
    void sigtermWhileWaitingExits143SayingTheJobKeepsRunning() throws Exception {
        ProcessRun run = zrefresh();
        String id =
                run.run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        Process wait = run.start("wait", "--job-id", id, "--poll-interval", "500ms", "-o", "json");
        BufferedReader stderr =
                new BufferedReader(new InputStreamReader(wait.getErrorStream(), StandardCharsets.UTF_8));
        assertThat(stderr.readLine()).startsWith("job " + id + ": Refresh");
        CompletableFuture<String> stdout = ProcessRun.read(wait.getInputStream());
        sigterm(wait);
        StringBuilder afterSignal = new StringBuilder();
        for (String line; (line = stderr.readLine()) != null; ) {
            afterSignal.append(line).append('\n');
        }
        assertThat(wait.waitFor()).as(afterSignal.toString()).isEqualTo(143);
        assertThat(afterSignal).contains("Interrupted; job " + id + " keeps running on the server");
        String[] lines = afterSignal.toString().split("\n");
        assertThat(Json.parse(lines[lines.length - 1])
                        .path("error")
                        .path("exitCode")
                        .asInt())
                .isEqualTo(143);
        assertThat(stdout.get()).isEmpty();
        JsonNode job =
                Json.parse(run.run("describe", "--job-id", id, "-o", "json").out());
        assertThat(job.get("state").asText()).isIn("RefreshPending", "RefreshInProgress");
    }

    @Test
    void sigtermStopsTheDevServerWith143() throws Exception {
        Process server = new ProcessRun(home).start("dev-server", "--port", "0");
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        assertThat(stdout.readLine()).startsWith("export ZILLIZ_ENDPOINT=");
        sigterm(server);
        Result stopped = ProcessRun.finish(server, Duration.ofSeconds(30));
        assertThat(stopped.exit()).isEqualTo(143);
        assertThat(stopped.err()).contains("Stopped.");
    }

    /** A shell waiting for its next line does not end on an interrupt: SIGTERM still ends it. */
    @Test
    void sigtermEndsAShellWaitingForInput() throws Exception {
        Process shell = new ProcessRun(home).startWithOpenStdin("shell");
        shell.getOutputStream().write("context list -o json\n".getBytes(StandardCharsets.UTF_8));
        shell.getOutputStream().flush();
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
        assertThat(stdout.readLine()).isEqualTo("[]");
        sigterm(shell);
        Result ended = ProcessRun.finish(shell, Duration.ofSeconds(30));
        assertThat(ended.exit()).isEqualTo(143);
    }

    /**
     * SIGTERM, as ProcessHandle.destroy sends it on Unix: no kill program needed, and unlike
     * Process.destroy, the process's output stays readable.
     */
    private static void sigterm(Process process) {
        assertThat(process.toHandle().destroy()).isTrue();
    }
}
