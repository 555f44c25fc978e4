package io.zrefresh.cli.report;

import io.zrefresh.output.SafeText;
import io.zrefresh.output.SummaryTable;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * GitLab CI: the progress of each wait in a collapsed section of the job log, and the job table
 * printed at the end on stderr. The section markers carry the carriage return GitLab's format
 * requires, the one exception to "no carriage return in a log".
 */
final class GitlabReport extends CiReport {

    private static final String ERASE_LINE = "\u001b[0K";

    private final PrintStream err;
    private final Clock clock;
    private int sections;

    GitlabReport(PrintStream err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public void progressStarted(String title) {
        sections++;
        err.print(ERASE_LINE + "section_start:" + clock.instant().getEpochSecond() + ":" + sectionName()
                + "[collapsed=true]\r" + ERASE_LINE + SafeText.escape(title) + "\n");
        err.flush();
    }

    @Override
    public void progressEnded() {
        err.print(ERASE_LINE + "section_end:" + clock.instant().getEpochSecond() + ":" + sectionName() + "\r"
                + ERASE_LINE + "\n");
        err.flush();
    }

    private String sectionName() {
        return "zrefresh_wait_" + sections;
    }

    @Override
    public void report(String heading, List<SummaryTable.Row> rows, Map<String, String> outputs) {
        SummaryTable.text(err, heading, rows);
    }
}
