package io.zrefresh.refresh;

import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import java.util.Optional;

/** A refresh was not sent because a job of the collection is still pending or running. */
public final class ActiveJobException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient JobId activeJobId;
    private final Integer serverCode;

    private ActiveJobException(String message, JobId activeJobId, Integer serverCode) {
        super(message);
        this.activeJobId = activeJobId;
        this.serverCode = serverCode;
    }

    /**
     * @param job           the active job as last described, or null when only its id is known
     * @param serverMessage the server's 703 message, used when even the id is unknown
     */
    static ActiveJobException blocking(String collection, JobId id, Job job, Integer serverCode, String serverMessage) {
        if (id == null) {
            return new ActiveJobException(
                    "A refresh of " + collection + " is already running (the server said: " + serverMessage
                            + "); see it with: zrefresh list --name " + collection + " --active",
                    null,
                    serverCode);
        }
        String status = job == null ? "" : " is " + job.stateName() + " at " + job.progress() + "%";
        return new ActiveJobException(
                "A refresh of " + collection + " is already running: job " + id + status
                        + ". Follow it with: zrefresh wait --job-id " + id + " (or trigger with --on-active wait|skip)",
                id,
                serverCode);
    }

    /** The blocking job, when known. */
    public Optional<JobId> activeJobId() {
        return Optional.ofNullable(activeJobId);
    }

    /** 703 when the server refused the refresh; empty when zrefresh's own check found the job. */
    public Optional<Integer> serverCode() {
        return Optional.ofNullable(serverCode);
    }
}
