package io.zrefresh.cli;

import io.zrefresh.api.ApiException;
import io.zrefresh.cli.report.CiReport;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.output.ProgressPrinter;
import io.zrefresh.output.SafeText;
import io.zrefresh.refresh.RefreshListener;
import io.zrefresh.refresh.SkipReason;
import io.zrefresh.time.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What people see on stderr while a trigger, a wait or a watch works: the progress display (in a
 * group of the CI log while any wait runs) and notices. Server text is shown through SafeText.
 */
final class StderrListener implements RefreshListener {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final World world;
    private final PrintStream err;
    private final ProgressPrinter progress;
    private final CiReport ci;
    private final boolean severalJobs;
    /** Waits that have started and not ended: the progress display ends when the last one does. */
    private int waiting;

    StderrListener(World world, ProgressPrinter progress, CiReport ci, boolean severalJobs) {
        this.world = world;
        this.err = world.err();
        this.progress = progress;
        this.ci = ci;
        this.severalJobs = severalJobs;
    }

    @Override
    public void triggered(String collection, JobId jobId, Optional<ApiException> lostAnswer) {
        lostAnswer.ifPresent(lost -> notice("The answer to the refresh was lost (" + lost.getMessage()
                + "), but job "
                + jobId + " was created by it."));
    }

    @Override
    public void skipped(String collection, JobId jobId, SkipReason reason) {
        if (reason instanceof SkipReason.Fresh fresh) {
            notice(collection + " was refreshed " + ago(fresh.age()) + " ago by job " + jobId
                    + "; not refreshing (--if-older-than " + Durations.brief(fresh.limit()) + ")");
        } else {
            notice("Job " + jobId + " of " + collection + " is still active; no refresh was sent (--on-active skip).");
        }
    }

    @Override
    public void waitingForActive(String collection, JobId activeJobId) {
        notice("Job " + activeJobId + " of " + collection
                + " is still active; waiting for it to end (--on-active wait).");
    }

    @Override
    public void retryingUnnamedActive(String collection, String serverMessage, Duration pause) {
        notice("The server refuses a refresh of " + collection + " as a duplicate (" + serverMessage
                + "), but lists no active job; trying again in " + Durations.brief(pause) + " (--on-active wait).");
    }

    @Override
    public void waitStarted(JobId jobId) {
        if (waiting++ == 0) {
            ci.progressStarted(
                    severalJobs ? "zrefresh: progress of refresh jobs" : "zrefresh: progress of job " + jobId);
        }
    }

    @Override
    public void polled(Job job, Duration waited) {
        progress.update(job, waited);
    }

    @Override
    public void unreachable(JobId jobId, Instant since, ApiException failure) {
        progress.finish();
        notice("Server unreachable since " + CLOCK_TIME.format(since.atZone(world.zone())) + " ("
                + failure.getMessage() + "), still trying ("
                + (jobId == null ? "jobs keep" : "job " + jobId + " keeps") + " running).");
    }

    @Override
    public void reachable(JobId jobId, Duration outage) {
        notice("Server reachable again after " + Durations.brief(outage)
                + (jobId == null ? "." : "; following job " + jobId + "."));
    }

    @Override
    public void waitEnded(JobId jobId) {
        if (--waiting == 0) {
            progress.finish();
            ci.progressEnded();
        }
    }

    /** How long ago, to the minute (to the second within the first minute): 45s, 12m, 1h5m. */
    static String ago(Duration age) {
        if (age.compareTo(Duration.ofMinutes(1)) < 0) {
            return age.toSeconds() + "s";
        }
        return Durations.brief(age.truncatedTo(ChronoUnit.MINUTES));
    }

    /** Notices quote server text (messages, collection names): its control characters are shown as escapes. */
    private void notice(String message) {
        err.println(SafeText.escape(message));
        err.flush();
    }
}
