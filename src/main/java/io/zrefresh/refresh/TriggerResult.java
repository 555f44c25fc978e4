package io.zrefresh.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.job.JobId;

/** How a guarded trigger ended when it did not fail. */
public sealed interface TriggerResult {

    /** The job whose id the trigger reports (new, or the active one that was skipped to). */
    JobId jobId();

    /**
     * A new job was started.
     *
     * @param data the server's data ({@code {"jobId": N}}), or the same shape rebuilt when the
     *             answer was lost and the job was found by listing
     */
    record Started(JsonNode data, JobId jobId, boolean foundAfterLostAnswer) implements TriggerResult {}

    /** --on-active skip: nothing was sent; the active job stands in for the new one. */
    record Skipped(JobId jobId) implements TriggerResult {}

    /** --on-active wait ran out of time while the active job still ran. */
    record StillActive(WaitResult lastSeen) implements TriggerResult {
        @Override
        public JobId jobId() {
            return lastSeen.job().id();
        }
    }
}
