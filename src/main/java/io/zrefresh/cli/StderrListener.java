package io.zrefresh.cli;

import io.zrefresh.api.ApiException;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.output.ProgressPrinter;
import io.zrefresh.output.SafeText;
import io.zrefresh.refresh.RefreshListener;
import io.zrefresh.time.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** What people see on stderr while a trigger or a wait works: the progress display and notices. */
final class StderrListener implements RefreshListener {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final World world;
    private final PrintStream err;
    private final ProgressPrinter progress;

    StderrListener(World world, ProgressPrinter progress) {
        this.world = world;
        this.err = world.err();
        this.progress = progress;
    }

    @Override
    public void triggered(String collection, JobId jobId, Optional<ApiException> lostAnswer) {
        lostAnswer.ifPresent(lost -> notice("The answer to the refresh was lost (" + lost.getMessage() + "), but job "
                + jobId + " was created by it."));
    }

    @Override
    public void skipped(String collection, JobId jobId, SkipReason reason) {
        notice("Job " + jobId + " of " + collection + " is still active; no refresh was sent (--on-active skip).");
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
    public void polled(Job job, Duration waited) {
        progress.update(job, waited);
    }

    @Override
    public void unreachable(JobId jobId, Instant since, ApiException failure) {
        progress.finish();
        notice("Server unreachable since " + CLOCK_TIME.format(since.atZone(world.zone())) + " (" + failure.getMessage()
                + "), still trying (job " + jobId + " keeps running).");
    }

    @Override
    public void reachable(JobId jobId, Duration outage) {
        notice("Server reachable again after " + Durations.brief(outage) + "; following job " + jobId + ".");
    }

    @Override
    public void waitEnded(JobId jobId) {
        progress.finish();
    }

    /** Notices quote server text (messages, collection names): its control characters are shown as escapes. */
    private void notice(String message) {
        err.println(SafeText.escape(message));
        err.flush();
    }
}
