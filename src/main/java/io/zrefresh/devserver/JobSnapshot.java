package io.zrefresh.devserver;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A job as describe and list report it at one instant.
 *
 * @param endTime Unix milliseconds; 0 while the job runs
 * @param reason  why the job failed; null otherwise
 */
record JobSnapshot(
        long jobId,
        String collectionName,
        State state,
        int progress,
        ExternalSource source,
        long startTime,
        long endTime,
        String reason) {

    enum State {
        PENDING("RefreshPending"),
        IN_PROGRESS("RefreshInProgress"),
        COMPLETED("RefreshCompleted"),
        FAILED("RefreshFailed");

        final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }
    }

    /** The job object, keys in alphabetical order as the server's Go map serialises them; reason only when set. */
    void writeTo(JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("collectionName", collectionName);
        generator.writeNumberField("endTime", endTime);
        generator.writeStringField("externalSource", source.uri());
        generator.writeStringField("externalSpec", source.spec());
        generator.writeNumberField("jobId", jobId);
        generator.writeNumberField("progress", progress);
        if (reason != null && !reason.isEmpty()) {
            generator.writeStringField("reason", reason);
        }
        generator.writeNumberField("startTime", startTime);
        generator.writeStringField("state", state.wireName);
        generator.writeEndObject();
    }
}
