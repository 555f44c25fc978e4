package io.zrefresh.cli.report;

import io.zrefresh.output.SummaryTable;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run tells its CI system besides stdout, which never changes: log groups around the
 * progress of waits, annotations of errors, and at the end a summary of the jobs (and, on GitHub,
 * step outputs). Without a CI system, nothing. A summary or output file that cannot be written
 * is a warning, never a failure of the step.
 */
public class CiReport {

    CiReport() {}

    /** Reports to {@code system}, which {@link CiSystem#resolve} has chosen. */
    public static CiReport of(CiSystem system, Map<String, String> env, PrintStream err, Clock clock) {
        return switch (system) {
            case GITHUB -> new GithubReport(env, err);
            case GITLAB -> new GitlabReport(err, clock);
            case AUTO, OFF -> new CiReport();
        };
    }

    /** Progress lines of a wait follow, until {@link #progressEnded}. */
    public void progressStarted(String title) {}

    public void progressEnded() {}

    /** The line that marks a command's error (exit code, one sentence) in the CI system's log, if it has one. */
    public Optional<String> annotation(int exitCode, String message) {
        return Optional.empty();
    }

    /**
     * The step's result.
     *
     * @param heading what ran, e.g. {@code zrefresh trigger}
     * @param rows    one per job (or per collection without one)
     * @param outputs step outputs by name, in order
     */
    public void report(String heading, List<SummaryTable.Row> rows, Map<String, String> outputs) {}
}
