package io.zrefresh.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Read access to a job object of the server. The JSON tree is kept as it came (unknown fields,
 * exact numbers), so printing a job prints what the server said.
 */
public final class Job {

    public static final String JOB_ID = "jobId";
    public static final String COLLECTION = "collectionName";
    public static final String STATE = "state";
    public static final String PROGRESS = "progress";
    public static final String START_TIME = "startTime";
    public static final String END_TIME = "endTime";
    public static final String REASON = "reason";

    private final JsonNode node;

    public Job(JsonNode node) {
        this.node = Objects.requireNonNull(node);
    }

    /** {@code {"jobId": N}}: what trigger prints for a job it started or stands in for. */
    public static ObjectNode idDocument(JobId id) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set(JOB_ID, id.toJson());
        return document;
    }

    public JsonNode node() {
        return node;
    }

    public JobId id() {
        return JobId.fromJson(node.get(JOB_ID));
    }

    public String collectionName() {
        return node.path(COLLECTION).asText("");
    }

    public String stateName() {
        return node.path(STATE).asText("");
    }

    public JobState state() {
        return JobState.fromWire(stateName());
    }

    public int progress() {
        return node.path(PROGRESS).asInt(0);
    }

    public long startTime() {
        return node.path(START_TIME).asLong(0);
    }

    public long endTime() {
        return node.path(END_TIME).asLong(0);
    }

    /** The failure reason, or "" when the server sent none. */
    public String reason() {
        return node.path(REASON).asText("");
    }
}
