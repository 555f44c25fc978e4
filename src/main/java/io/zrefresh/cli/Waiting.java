package io.zrefresh.cli;

import io.zrefresh.api.ApiException;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.output.ProgressPrinter;
import io.zrefresh.output.Shape;
import io.zrefresh.refresh.JobWaiter;
import io.zrefresh.refresh.WaitResult;
import java.time.Instant;

/** Waits for a job with progress on stderr, prints it, and turns how it ended into an exit code. */
final class Waiting {

    private Waiting() {}

    static int waitAndReport(Session session, JobWaiter waiter, JobId jobId, Instant deadline)
            throws ApiException, UsageException, WaitInterruptedException {
        return report(session, follow(session, waiter, jobId, deadline));
    }

    /** One wait with its progress display; Ctrl-C leaves it with the job's id in the message. */
    static WaitResult follow(Session session, JobWaiter waiter, JobId jobId, Instant deadline)
            throws ApiException, WaitInterruptedException {
        ProgressPrinter progress = session.progress();
        try {
            return waiter.await(jobId, deadline, progress::update);
        } catch (InterruptedException interrupted) {
            throw new WaitInterruptedException(jobId);
        } finally {
            progress.finish();
        }
    }

    /** Prints the job as last seen: exit 0 when completed, 8 when failed, 9 when time ran out. */
    static int report(Session session, WaitResult result) throws UsageException {
        Job job = result.job();
        session.printer().print(job.node(), Shape.JOB);
        return switch (result.outcome()) {
            case COMPLETED -> ExitCode.OK;
            case FAILED ->
                session.reporter()
                        .report(Problem.of(
                                ExitCode.JOB_FAILED,
                                "Job " + job.id() + " of " + job.collectionName() + " failed: "
                                        + (job.reason().isEmpty() ? "the server gave no reason" : job.reason())));
            case TIMED_OUT ->
                session.reporter()
                        .report(Problem.of(
                                ExitCode.TIMEOUT,
                                "Timed out waiting for job " + job.id()
                                        + " (" + job.stateName() + " at " + job.progress()
                                        + "%); it keeps running on the server. Follow it with: zrefresh wait --job-id "
                                        + job.id()));
        };
    }
}
