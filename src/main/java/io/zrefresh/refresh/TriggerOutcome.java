package io.zrefresh.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.api.ApiException;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;

/** How a guarded trigger of one collection ended: the one answer of {@link TriggerFlow}. */
public sealed interface TriggerOutcome {

    String collection();

    /**
     * A refresh was sent and started job {@code jobId}.
     *
     * @param data                 the server's answer, {@code {"jobId": N}}, or the same shape built
     *                             when the answer was lost and the job was found by listing
     * @param foundAfterLostAnswer the server's answer was lost and the job was found by listing
     * @param waited               with --wait: how the wait for the job ended, else null
     */
    record Triggered(String collection, JobId jobId, JsonNode data, boolean foundAfterLostAnswer, WaitResult waited)
            implements TriggerOutcome {}

    /**
     * Nothing was sent; job {@code jobId} stands for the refresh: the active job, or the recent
     * completed one (--if-older-than).
     *
     * @param waited with --wait: how the wait for that job ended, else null
     */
    record Skipped(String collection, JobId jobId, SkipReason reason, WaitResult waited) implements TriggerOutcome {}

    /**
     * A refresh of the collection is still running, so none was sent.
     *
     * @param activeJobId the running job, when known
     * @param activeJob   that job as last described, when known
     * @param refusal     the server's refusal (code 703), or null when zrefresh's own check found the job
     * @param waited      --on-active wait: how the wait for the active job ran out, else null
     */
    record Blocked(String collection, JobId activeJobId, Job activeJob, ApiException refusal, WaitResult waited)
            implements TriggerOutcome {

        /** 703 when the server refused the refresh, else null. */
        public Integer serverCode() {
            return refusal == null ? null : refusal.serverCode().orElse(null);
        }

        /** The server's refusal, or "" when the check found the job. */
        public String serverMessage() {
            return refusal == null ? "" : refusal.serverMessage();
        }
    }

    /**
     * A request failed (an {@link ApiException}, or the collection's lock could not be taken);
     * whether a refresh was sent is in the error's message.
     */
    record Failed(String collection, Exception error) implements TriggerOutcome {}
}
