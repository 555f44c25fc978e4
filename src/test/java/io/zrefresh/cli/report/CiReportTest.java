package io.zrefresh.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrefresh.output.SummaryTable;
import io.zrefresh.support.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiReportTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final FakeTime time = new FakeTime();

    private static final List<SummaryTable.Row> ROWS =
            List.of(new SummaryTable.Row("books", "7", "RefreshCompleted", "100%", "41s", ""));

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void autoFollowsTheVariablesTheCiSystemsSet() {
        assertThat(CiSystem.resolve(null, Map.of("GITHUB_ACTIONS", "true"))).isEqualTo(CiSystem.GITHUB);
        assertThat(CiSystem.resolve(null, Map.of("GITLAB_CI", "true"))).isEqualTo(CiSystem.GITLAB);
        assertThat(CiSystem.resolve(null, Map.of())).isEqualTo(CiSystem.OFF);
        assertThat(CiSystem.resolve(null, Map.of("GITHUB_ACTIONS", "true", "ZREFRESH_CI", "off")))
                .isEqualTo(CiSystem.OFF);
        assertThat(CiSystem.resolve(CiSystem.GITLAB, Map.of("GITHUB_ACTIONS", "true", "ZREFRESH_CI", "github")))
                .as("the flag first")
                .isEqualTo(CiSystem.GITLAB);
        assertThat(CiSystem.resolve(CiSystem.AUTO, Map.of("GITLAB_CI", "true"))).isEqualTo(CiSystem.GITLAB);
        assertThatThrownBy(() -> CiSystem.resolve(null, Map.of("ZREFRESH_CI", "jenkins")))
                .hasMessage("ZREFRESH_CI: 'jenkins' is not one of auto, github, gitlab, off");
    }

    @Test
    void githubOutputsAreNameValueOrAHeredocForSeveralLines() {
        assertThat(GithubReport.outputLine("job-id", "466073417512550401")).isEqualTo("job-id=466073417512550401\n");
        String heredoc = GithubReport.outputLine("state", "Refresh\nDone");
        assertThat(heredoc).matches("state<<(ghadelimiter_[0-9a-f-]{36})\nRefresh\nDone\n\\1\n");
    }

    @Test
    void githubAnnotationsAreErrorsOrForExitSevenWarningsThatServerTextCannotBreak() {
        CiReport github = CiReport.of(CiSystem.GITHUB, Map.of(), stream, time);
        assertThat(github.annotation(5, "Cannot list: 100% broken\r\n::error::forged\u001b[2J"))
                .contains("::error title=zrefresh::Cannot list: 100%25 broken%0D%0A::error::forged\\u001b[2J");
        assertThat(github.annotation(7, "A refresh of books is already running"))
                .contains("::warning title=zrefresh::A refresh of books is already running");
        assertThat(github.annotation(0, "fine")).isEmpty();
        assertThat(CiReport.of(CiSystem.OFF, Map.of(), stream, time).annotation(5, "x"))
                .isEmpty();
    }

    @Test
    void githubWrapsProgressInAGroup() {
        CiReport github = CiReport.of(CiSystem.GITHUB, Map.of(), stream, time);
        github.progressStarted("zrefresh: progress of job 7");
        github.progressEnded();
        assertThat(stderr()).isEqualTo("::group::zrefresh: progress of job 7\n::endgroup::\n");
    }

    @Test
    void githubAppendsTheSummaryAndTheOutputs() throws Exception {
        Path summary = dir.resolve("summary.md");
        Path output = dir.resolve("output");
        Files.writeString(summary, "earlier step\n");
        Files.writeString(output, "earlier=1\n");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("job-id", "7");
        outputs.put("jobs", "[{\"jobId\":7}]");
        CiReport.of(
                        CiSystem.GITHUB,
                        Map.of("GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_OUTPUT", output.toString()),
                        stream,
                        time)
                .report("zrefresh wait", ROWS, outputs);
        assertThat(Files.readString(summary))
                .startsWith("earlier step\n### zrefresh wait\n\n| Collection |")
                .contains("| books | 7 | RefreshCompleted | 100% | 41s |  |\n");
        assertThat(Files.readAllLines(output)).containsExactly("earlier=1", "job-id=7", "jobs=[{\"jobId\":7}]");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aFullSummaryGetsNoTable() throws Exception {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "x".repeat((int) GithubReport.SUMMARY_LIMIT - 100));
        CiReport.of(CiSystem.GITHUB, Map.of("GITHUB_STEP_SUMMARY", summary.toString()), stream, time)
                .report("zrefresh wait", ROWS, Map.of());
        assertThat(Files.size(summary)).isEqualTo(GithubReport.SUMMARY_LIMIT - 100);
        assertThat(stderr()).contains("::warning title=zrefresh::the step summary", "is full");
    }

    @Test
    void missingOrUnwritableFilesAreWarningsNotFailures() {
        CiReport.of(CiSystem.GITHUB, Map.of(), stream, time).report("zrefresh wait", ROWS, Map.of("job-id", "7"));
        assertThat(stderr())
                .contains(
                        "::warning title=zrefresh::GITHUB_STEP_SUMMARY is not set; no step summary written",
                        "::warning title=zrefresh::GITHUB_OUTPUT is not set; no step outputs written");
        err.reset();
        String nowhere = dir.resolve("no/such/dir/file").toString();
        CiReport.of(CiSystem.GITHUB, Map.of("GITHUB_STEP_SUMMARY", nowhere, "GITHUB_OUTPUT", nowhere), stream, time)
                .report("zrefresh wait", ROWS, Map.of("job-id", "7"));
        assertThat(stderr())
                .contains("::warning title=zrefresh::cannot write the step summary " + nowhere)
                .contains("::warning title=zrefresh::cannot write the step outputs " + nowhere);
    }

    @Test
    void gitlabFoldsProgressInACollapsedSectionAndPrintsTheTable() {
        CiReport gitlab = CiReport.of(CiSystem.GITLAB, Map.of(), stream, time);
        gitlab.progressStarted("zrefresh: progress of job 7");
        stream.print("job 7: RefreshCompleted 100% (waited 2s)\n");
        gitlab.progressEnded();
        gitlab.report("zrefresh wait", ROWS, Map.of("job-id", "7"));
        long epoch = time.instant().getEpochSecond();
        assertThat(stderr())
                .isEqualTo("\u001b[0Ksection_start:" + epoch + ":zrefresh_wait_1[collapsed=true]\r\u001b[0K"
                        + "zrefresh: progress of job 7\n"
                        + "job 7: RefreshCompleted 100% (waited 2s)\n"
                        + "\u001b[0Ksection_end:" + epoch + ":zrefresh_wait_1\r\u001b[0K\n"
                        + "zrefresh wait\n"
                        + "COLLECTION  JOB ID  STATE             PROGRESS  DURATION  REASON\n"
                        + "books       7       RefreshCompleted  100%      41s\n");
        assertThat(gitlab.annotation(5, "x")).isEmpty();
    }
}
