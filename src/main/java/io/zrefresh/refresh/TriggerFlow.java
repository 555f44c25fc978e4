package io.zrefresh.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.api.ApiException;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.job.JobList;
import io.zrefresh.refresh.RefreshListener.SkipReason;
import io.zrefresh.refresh.TriggerOutcome.Blocked;
import io.zrefresh.refresh.TriggerOutcome.Failed;
import io.zrefresh.refresh.TriggerOutcome.Skipped;
import io.zrefresh.refresh.TriggerOutcome.Triggered;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trigger use case: a guarded refresh, and with --wait the wait for its job. Under the
 * collection's lock, the collection's jobs are listed and the refresh is sent only if none is
 * active. A server that refuses with 703 is treated like an active job found by the list. A
 * refresh is never sent twice: when its answer is lost, the jobs are listed again and a job that
 * was not there before is the result. All pauses are the waiter's, so --timeout bounds them all.
 */
public final class TriggerFlow {

    static final int CODE_DUPLICATE = 703;
    private static final Pattern ACTIVE_ID = Pattern.compile("refresh job (\\S+) is already in progress");
    /** The longest pause between two refreshes refused as duplicates of a job nobody names. */
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(30);

    private final RefreshApi api;
    private final JobWaiter waiter;
    private final CollectionLocks locks;
    private final RefreshListener listener;

    public TriggerFlow(RefreshApi api, JobWaiter waiter, CollectionLocks locks, RefreshListener listener) {
        this.api = api;
        this.waiter = waiter;
        this.locks = locks;
        this.listener = listener;
    }

    /**
     * @throws IOException          when the collection's lock cannot be taken
     * @throws InterruptedException on Ctrl-C; its message says what keeps running on the server
     */
    public TriggerOutcome run(TriggerRequest request) throws IOException, InterruptedException {
        try {
            return guardedTrigger(request);
        } catch (ApiException failed) {
            return new Failed(request.collection(), failed);
        }
    }

    private TriggerOutcome guardedTrigger(TriggerRequest request)
            throws ApiException, IOException, InterruptedException {
        String collection = request.collection();
        Duration retryPause = Duration.ZERO;
        while (true) {
            Blocked blocked;
            try (CollectionLocks.Held held = locks.acquire(request.endpointKey(), request.database(), collection)) {
                // taken with --force too: it tells a job created by a lost answer from the others
                JobList before = api.list(
                        request.database(),
                        collection,
                        "check the refresh jobs of " + collection + " before triggering");
                Optional<Job> active = request.force() ? Optional.empty() : firstActive(before);
                listener.guarded(collection, active);
                if (active.isPresent()) {
                    Job job = active.get();
                    blocked = new Blocked(collection, job.id(), job, null, "", null);
                } else {
                    Sent sent = send(request, before);
                    if (sent.data != null) {
                        JobId id = JobId.fromJson(sent.data.get(Job.JOB_ID));
                        listener.triggered(collection, id, Optional.ofNullable(sent.lostAnswer));
                        return new Triggered(
                                collection, id, sent.data, sent.lostAnswer != null, followIfAsked(request, id));
                    }
                    blocked = sent.blocked;
                }
            }
            JobId activeId = blocked.activeJobId();
            switch (request.onActive()) {
                case FAIL -> {
                    return blocked;
                }
                case SKIP -> {
                    if (activeId == null) {
                        return blocked;
                    }
                    listener.skipped(collection, activeId, SkipReason.ACTIVE);
                    return new Skipped(collection, activeId, SkipReason.ACTIVE, followIfAsked(request, activeId));
                }
                case WAIT -> {
                    if (activeId == null) {
                        retryPause = nextRetryPause(retryPause);
                        listener.retryingUnnamedActive(collection, blocked.serverMessage(), retryPause);
                        if (!waiter.pause(retryPause)) {
                            return withWait(blocked, WaitResult.timedOut(null, null));
                        }
                        continue;
                    }
                    listener.waitingForActive(collection, activeId);
                    WaitResult result = awaitActive(collection, activeId);
                    if (!result.jobEnded()) {
                        return withWait(blocked, result);
                    }
                }
            }
        }
    }

    private WaitResult followIfAsked(TriggerRequest request, JobId jobId) throws ApiException, InterruptedException {
        return request.waitForJob() ? waiter.await(jobId, listener) : null;
    }

    private WaitResult awaitActive(String collection, JobId activeId) throws ApiException, InterruptedException {
        try {
            return waiter.await(activeId, listener);
        } catch (InterruptedException interrupted) {
            throw new InterruptedException("no refresh of " + collection + " was sent; " + interrupted.getMessage());
        }
    }

    private Duration nextRetryPause(Duration last) {
        Duration next = last.isZero() ? waiter.policy().pollInterval() : last.multipliedBy(2);
        return next.compareTo(MAX_RETRY_PAUSE) > 0 ? MAX_RETRY_PAUSE : next;
    }

    private static Blocked withWait(Blocked blocked, WaitResult waited) {
        Job lastSeen = waited.lastSeen().orElse(blocked.activeJob());
        return new Blocked(
                blocked.collection(),
                blocked.activeJobId(),
                lastSeen,
                blocked.serverCode(),
                blocked.serverMessage(),
                waited);
    }

    /**
     * Either the started job's {@code {"jobId": N}} (and the failure that lost the server's answer,
     * if one did) or what blocked it.
     */
    private record Sent(JsonNode data, ApiException lostAnswer, Blocked blocked) {}

    private Sent send(TriggerRequest request, JobList before) throws ApiException, InterruptedException {
        try {
            JsonNode data = api.trigger(
                    request.database(), request.collection(), request.externalSource(), request.externalSpec());
            return new Sent(data, null, null);
        } catch (ApiException failed) {
            if (failed.serverCode().orElse(0) == CODE_DUPLICATE) {
                return new Sent(null, null, blockedBy703(request, failed));
            }
            if (failed.delivery() != ApiException.Delivery.UNKNOWN) {
                throw failed;
            }
            return new Sent(Job.idDocument(findCreatedJob(request, before, failed)), failed, null);
        }
    }

    private Blocked blockedBy703(TriggerRequest request, ApiException duplicate) throws InterruptedException {
        String collection = request.collection();
        String message = duplicate.serverMessage();
        Matcher matcher = ACTIVE_ID.matcher(message);
        JobId id = null;
        if (matcher.find()) {
            try {
                id = JobId.parse(matcher.group(1));
            } catch (IllegalArgumentException unreadable) {
                // found by listing below
            }
        }
        try {
            if (id != null) {
                return new Blocked(collection, id, api.describe(id), CODE_DUPLICATE, message, null);
            }
            Optional<Job> active = firstActive(api.list(request.database(), collection));
            return new Blocked(
                    collection, active.map(Job::id).orElse(null), active.orElse(null), CODE_DUPLICATE, message, null);
        } catch (ApiException lookupFailed) {
            // The refusal itself is the news; the details of the job are a nicety.
            return new Blocked(collection, id, null, CODE_DUPLICATE, message, null);
        }
    }

    /**
     * The refresh may have reached the server, but its answer was lost. A job that the list taken
     * before sending did not hold is the one this request created; without one, the failure stands
     * and nothing is sent again.
     */
    private JobId findCreatedJob(TriggerRequest request, JobList before, ApiException lost)
            throws ApiException, InterruptedException {
        Set<JobId> known = new HashSet<>();
        before.records().forEach(job -> known.add(job.id()));
        JobList after;
        try {
            after = api.list(request.database(), request.collection());
        } catch (ApiException listFailed) {
            throw lost.withMessage(lost.getMessage() + "; whether a job was created could not be checked ("
                    + listFailed.getMessage() + "); see: zrefresh list --name " + request.collection());
        }
        for (Job job : after.records()) {
            if (!known.contains(job.id())) {
                return job.id();
            }
        }
        throw lost.withMessage(lost.getMessage() + "; no new job was found, and the refresh was not sent again"
                + " (a slow server may still start it: check with zrefresh list --name " + request.collection() + ")");
    }

    private static Optional<Job> firstActive(JobList jobs) {
        return jobs.records().stream().filter(job -> job.state().isActive()).findFirst();
    }
}
