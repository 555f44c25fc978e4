package io.zrefresh.devserver;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A job as describe and list report it at one instant.
 *
 * @param state   the state's wire name, e.g. {@code RefreshInProgress} (a {@link JobBehaviour} may report others)
 * @param endTime Unix milliseconds; 0 while the job runs
 * @param reason  why the job failed; null otherwise
 */
record JobSnapshot(
        long jobId,
        String collectionName,
        String state,
        int progress,
        ExternalSource source,
        long startTime,
        long endTime,
        String reason) {

    static final String PENDING = "RefreshPending";
    static final String IN_PROGRESS = "RefreshInProgress";
    static final String COMPLETED = "RefreshCompleted";
    static final String FAILED = "RefreshFailed";

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
        generator.writeStringField("state", state);
        generator.writeEndObject();
    }
}
