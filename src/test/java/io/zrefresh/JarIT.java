package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.devserver.Endpoint;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerFixture;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.ProcessRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** System tests of the packaged build, run as a process the way users and pipelines run it. */
class JarIT extends DevServerTest {

    private ProcessRun zrefresh(Duration jobTime) {
        server(jobTime);
        return new ProcessRun(home)
                .env("ZILLIZ_ENDPOINT", dev.server.url().toString())
                .env("ZILLIZ_API_KEY", DevServerFixture.TOKEN);
    }

    @Test
    void versionAndHelpNeedNothing() throws Exception {
        ProcessRun bare = new ProcessRun(home);
        Result version = bare.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).matches("zrefresh \\d+\\.\\d+\\.\\d+\\S*\n");
        Result help = bare.run("trigger", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--on-active", "--external-spec", "--wait");
    }

    @Test
    void triggerThenDescribeKeepsTheIdExact() throws Exception {
        ProcessRun run = zrefresh(Duration.ofSeconds(30));
        Result trigger = run.run("trigger", "--name", "ext_books", "-o", "text");
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        String id = trigger.out().trim();
        Result describe = run.run("describe", "--job-id", id, "-o", "json");
        assertThat(Json.parse(describe.out()).get("jobId").toString()).isEqualTo(id);
    }

    @Test
    void theQuickStartRunsThroughDevServerExec() throws Exception {
        Result result = new ProcessRun(home)
                .run(
                        "dev-server",
                        "--job-time",
                        "2s",
                        "--exec",
                        "zrefresh trigger --name ext_books --wait --poll-interval 500ms -o text --query jobId && zrefresh list -o csv");
        assertThat(result.exit()).as(result.toString()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).matches("\\d{18,19}");
        assertThat(lines[1])
                .isEqualTo("collectionName,endTime,externalSource,externalSpec,jobId,progress,startTime,state\r");
        assertThat(lines[2]).contains(lines[0], "RefreshCompleted");
    }

    @Test
    void theDevServerPrintsHowToUseItAndStopsOnCtrlC() throws Exception {
        Process server = new ProcessRun(home).start("dev-server", "--port", "0");
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String exports = stdout.readLine();
        assertThat(exports).matches("export ZILLIZ_ENDPOINT=http://127\\.0\\.0\\.1:\\d+ ZILLIZ_API_KEY=zrefresh-dev");
        String endpoint = exports.split(" ")[1].substring("ZILLIZ_ENDPOINT=".length());
        Result list = new ProcessRun(home)
                .env("ZILLIZ_ENDPOINT", endpoint)
                .env("ZILLIZ_API_KEY", "zrefresh-dev")
                .run("trigger", "--name", "ext_books", "-o", "text");
        assertThat(list.exit()).as(list.toString()).isZero();
        new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
        Result stopped = ProcessRun.finish(server, Duration.ofSeconds(20));
        assertThat(stopped.exit()).isEqualTo(130);
        assertThat(stopped.err()).contains("zrefresh dev server on " + endpoint, "Stopped.");
    }

    @Test
    void devServerExecExitsWithTheCommandsStatus() throws Exception {
        Result result = new ProcessRun(home).run("dev-server", "--exec", "zrefresh trigger --name plain_coll; exit $?");
        assertThat(result.exit()).isEqualTo(5);
        assertThat(result.err()).contains("not an external collection");
    }

    @Test
    void eightConcurrentTriggersCreateExactlyOneJob() throws Exception {
        ProcessRun run = zrefresh(Duration.ofSeconds(60));
        dev.server.setOverlapCheck(false);
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            processes.add(run.start("trigger", "--name", "ext_books", "-o", "json"));
        }
        List<Result> results = new ArrayList<>();
        for (Process process : processes) {
            results.add(ProcessRun.finish(process, Duration.ofSeconds(60)));
        }
        assertThat(dev.server.stats().jobsCreated()).isEqualTo(1);
        assertThat(dev.requests(Endpoint.REFRESH)).isEqualTo(1);
        List<Result> started = results.stream().filter(r -> r.exit() == 0).toList();
        assertThat(started).hasSize(1);
        String id = Json.parse(started.get(0).out()).get("jobId").toString();
        for (Result blocked : results.stream().filter(r -> r.exit() != 0).toList()) {
            assertThat(blocked.exit()).as(blocked.toString()).isEqualTo(7);
            assertThat(blocked.err()).contains("job " + id);
        }
    }

    @Test
    void ctrlCWhileWaitingExits130AndTheJobGoesOn() throws Exception {
        ProcessRun run = zrefresh(Duration.ofSeconds(60));
        String id =
                run.run("trigger", "--name", "ext_books", "-o", "text").out().trim();
        Process wait = run.start("wait", "--job-id", id, "--poll-interval", "500ms");
        BufferedReader stderr =
                new BufferedReader(new InputStreamReader(wait.getErrorStream(), StandardCharsets.UTF_8));
        String firstLine = stderr.readLine();
        assertThat(firstLine).startsWith("job " + id + ": Refresh");
        CompletableFuture<String> rest = ProcessRun.read(wait.getInputStream());
        new ProcessBuilder("kill", "-INT", Long.toString(wait.pid())).start().waitFor();
        StringBuilder afterSignal = new StringBuilder();
        for (String line; (line = stderr.readLine()) != null; ) {
            afterSignal.append(line).append('\n');
        }
        assertThat(wait.waitFor()).isEqualTo(130);
        assertThat(afterSignal).contains("Interrupted; job " + id + " keeps running on the server");
        assertThat(rest.get()).isEmpty();
        JsonNode job =
                Json.parse(run.run("describe", "--job-id", id, "-o", "json").out());
        assertThat(job.get("state").asText()).isIn("RefreshPending", "RefreshInProgress");
    }

    @Test
    void utf8EvenUnderAPosixLocale() throws Exception {
        ProcessRun run = zrefresh(Duration.ofSeconds(30)).env("LANG", "C").env("LC_ALL", "C");
        Path spec = home.resolve("spec.json");
        Files.writeString(spec, "{\"format\":\"parquet\",\"columns\":[\"título\",\"名前\"]}", StandardCharsets.UTF_8);
        Result trigger = run.run(
                "trigger",
                "--name",
                "ext_new",
                "--external-source",
                "s3://bucket/new/",
                "--external-spec",
                "@" + spec,
                "-o",
                "text");
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        Result describe =
                run.run("describe", "--job-id", trigger.out().trim(), "--query", "externalSpec", "-o", "text");
        assertThat(describe.out()).isEqualTo("{\"format\":\"parquet\",\"columns\":[\"título\",\"名前\"]}\n");
    }
}
