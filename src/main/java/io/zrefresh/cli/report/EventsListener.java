package io.zrefresh.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zrefresh.api.ApiException;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.refresh.RefreshListener;
import io.zrefresh.refresh.SkipReason;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes what a trigger, a wait or a watch does to the --events stream: guard, triggered,
 * skipped, poll-error, and state on every change of a job's state or progress. Job ids are
 * written exactly, as the server sent them.
 */
public final class EventsListener implements RefreshListener {

    private final EventLog log;
    /** Each job's state and progress as last written, by job id. */
    private final Map<JobId, String> lastState = new HashMap<>();

    public EventsListener(EventLog log) {
        this.log = log;
    }

    @Override
    public void guarded(String collection, Optional<Job> active) {
        ObjectNode event = log.event("guard").put("collectionName", collection);
        event.set("activeJobId", active.map(job -> job.id().toJson()).orElse(null));
        log.write(event);
    }

    @Override
    public void triggered(String collection, JobId jobId, Optional<ApiException> lostAnswer) {
        ObjectNode event = log.event("triggered").put("collectionName", collection);
        event.set("jobId", jobId.toJson());
        log.write(event.put("lostAnswer", lostAnswer.isPresent()));
    }

    @Override
    public void skipped(String collection, JobId jobId, SkipReason reason) {
        ObjectNode event = log.event("skipped").put("collectionName", collection);
        event.set("jobId", jobId.toJson());
        log.write(event.put("reason", reason.id()));
    }

    @Override
    public void polled(Job job, Duration waited) {
        String look = job.stateName() + "\n" + job.progress();
        if (look.equals(lastState.put(job.id(), look))) {
            return;
        }
        ObjectNode event = log.event("state");
        event.set("jobId", job.id().toJson());
        log.write(event.put("collectionName", job.collectionName())
                .put("state", job.stateName())
                .put("progress", job.progress()));
    }

    @Override
    public void pollFailed(JobId jobId, ApiException failure) {
        ObjectNode event = log.event("poll-error");
        event.set("jobId", jobId == null ? null : jobId.toJson());
        event.put("message", failure.getMessage());
        failure.serverCode().ifPresent(code -> event.put("code", code));
        failure.traceId().ifPresent(id -> event.put("traceId", id));
        log.write(event);
    }
}
