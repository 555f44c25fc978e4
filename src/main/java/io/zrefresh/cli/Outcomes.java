package io.zrefresh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.job.Job;
import io.zrefresh.output.Shape;
import io.zrefresh.refresh.TriggerOutcome;
import io.zrefresh.refresh.TriggerOutcome.Blocked;
import io.zrefresh.refresh.TriggerOutcome.Failed;
import io.zrefresh.refresh.TriggerOutcome.Skipped;
import io.zrefresh.refresh.TriggerOutcome.Triggered;
import io.zrefresh.refresh.WaitResult;
import io.zrefresh.time.Durations;

/**
 * Turns how a trigger or a wait ended into stdout, the messages on stderr and the exit code: the
 * one place that knows that a failed job is 8 and a blocked trigger 7.
 */
final class Outcomes {

    private final Session session;

    Outcomes(Session session) {
        this.session = session;
    }

    int print(TriggerOutcome outcome) throws UsageException {
        // Java 17 has no switch over a sealed type: one branch per kind of outcome.
        if (outcome instanceof Triggered triggered) {
            return triggered.waited() != null ? print(triggered.waited()) : printed(triggered.data());
        }
        if (outcome instanceof Skipped skipped) {
            return skipped.waited() != null ? print(skipped.waited()) : printed(Job.idDocument(skipped.jobId()));
        }
        if (outcome instanceof Blocked blocked) {
            return blocked.waited() != null ? print(blocked.waited(), blocked) : blocked(blocked);
        }
        return session.reporter().report(((Failed) outcome).error());
    }

    /** The job as last seen on stdout; exit 0 when it completed, else a message and its code. */
    int print(WaitResult result) throws UsageException {
        return print(result, null);
    }

    /**
     * @param blocked the trigger this wait was for, when it waited for another job (--on-active
     *                wait) and no refresh was sent
     */
    private int print(WaitResult result, Blocked blocked) throws UsageException {
        Job job = result.job();
        if (job != null) {
            session.printer().print(job.node(), Shape.JOB);
        }
        String notSent = blocked == null ? "" : "; no refresh of " + blocked.collection() + " was sent";
        String follow = result.jobId() == null ? "" : " Follow it with: zrefresh wait --job-id " + result.jobId();
        return switch (result.outcome()) {
            case COMPLETED -> ExitCode.OK;
            case FAILED ->
                report(
                        ExitCode.JOB_FAILED,
                        "Job " + job.id() + " of " + job.collectionName() + " failed: "
                                + (job.reason().isEmpty() ? "the server gave no reason" : job.reason()));
            case TIMED_OUT ->
                report(
                        ExitCode.TIMEOUT,
                        result.jobId() == null
                                ? "Timed out: the server still refuses a refresh of " + blocked.collection()
                                        + " as a duplicate (" + blocked.serverMessage() + ") and lists no active job"
                                        + notSent + "."
                                : "Timed out waiting for job " + result.jobId() + seen(job) + notSent
                                        + "; it keeps running on the server." + follow);
            case STALLED ->
                report(
                        ExitCode.TIMEOUT,
                        "No progress for " + Durations.brief(result.stalledFor())
                                + " (still " + job.stateName() + " " + job.progress() + "%)" + notSent + "; job "
                                + result.jobId() + " keeps running on the server." + follow);
            case UNREACHABLE ->
                session.reporter()
                        .report(new Problem(
                                ExitCode.NETWORK,
                                "Gave up waiting for job " + result.jobId() + ": "
                                        + result.outage().getMessage()
                                        + " (unreachable for --max-outage)" + notSent
                                        + "; the job may still be running."
                                        + follow,
                                result.outage().serverCode().orElse(null),
                                null));
        };
    }

    private static String seen(Job job) {
        return job == null ? "" : " (" + job.stateName() + " at " + job.progress() + "%)";
    }

    private int blocked(Blocked blocked) {
        String collection = blocked.collection();
        String message;
        if (blocked.activeJobId() == null) {
            message = "A refresh of " + collection + " is already running (the server said: " + blocked.serverMessage()
                    + "); see it with: zrefresh list --name " + collection + " --active";
        } else {
            Job job = blocked.activeJob();
            String status = job == null ? "" : " is " + job.stateName() + " at " + job.progress() + "%";
            message = "A refresh of " + collection + " is already running: job " + blocked.activeJobId() + status
                    + ". Follow it with: zrefresh wait --job-id " + blocked.activeJobId()
                    + " (or trigger with --on-active wait|skip)";
        }
        return session.reporter()
                .report(new Problem(ExitCode.ACTIVE_JOB, message, blocked.serverCode(), blocked.activeJobId()));
    }

    private int printed(JsonNode data) throws UsageException {
        session.printer().print(data, Shape.GENERIC);
        return ExitCode.OK;
    }

    private int report(int exitCode, String message) {
        return session.reporter().report(Problem.of(exitCode, message));
    }
}
