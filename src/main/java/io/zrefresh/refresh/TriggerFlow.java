package io.zrefresh.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.api.ApiException;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.job.JobList;
import io.zrefresh.json.Json;
import io.zrefresh.time.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guarded refresh: under the collection's lock, list the collection's jobs, and send the
 * refresh only if none is active. A server that refuses with 703 is treated like an active job
 * found by the list. A refresh is never sent twice: when its answer is lost, the jobs are listed
 * again and a job that was not there before is the result.
 */
public final class TriggerFlow {

    static final int CODE_DUPLICATE = 703;
    private static final Pattern ACTIVE_ID = Pattern.compile("refresh job (\\S+) is already in progress");

    private final RefreshApi api;
    private final JobWaiter waiter;
    private final CollectionLocks locks;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final JobWaiter.Listener activeJobListener;
    private final Consumer<String> notices;

    /**
     * @param activeJobListener sees the polls of an active job that --on-active wait waits for
     * @param notices           one-line messages for the user (stderr)
     */
    public TriggerFlow(
            RefreshApi api,
            JobWaiter waiter,
            CollectionLocks locks,
            Sleeper sleeper,
            Duration pollInterval,
            JobWaiter.Listener activeJobListener,
            Consumer<String> notices) {
        this.api = api;
        this.waiter = waiter;
        this.locks = locks;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.activeJobListener = activeJobListener;
        this.notices = notices;
    }

    public TriggerResult run(TriggerRequest request)
            throws ApiException, ActiveJobException, IOException, InterruptedException {
        while (true) {
            Blocker blocker;
            try (CollectionLocks.Held held =
                    locks.acquire(request.endpointKey(), request.database(), request.collection())) {
                JobList before = api.list(request.database(), request.collection());
                Optional<Job> active = request.force() ? Optional.empty() : firstActive(before);
                if (active.isPresent()) {
                    blocker = new Blocker(active.get().id(), active.get(), null, null);
                } else {
                    Sent sent = send(request, before);
                    if (sent.started != null) {
                        return sent.started;
                    }
                    blocker = sent.blocker;
                }
            }
            switch (request.onActive()) {
                case FAIL -> throw blocker.failure(request.collection());
                case SKIP -> {
                    if (blocker.id == null) {
                        throw blocker.failure(request.collection());
                    }
                    notices.accept("Job " + blocker.id + " of " + request.collection()
                            + " is still active; no refresh was sent (--on-active skip).");
                    return new TriggerResult.Skipped(blocker.id);
                }
                case WAIT -> {
                    if (blocker.id == null) {
                        sleeper.sleep(pollInterval);
                        continue;
                    }
                    notices.accept("Job " + blocker.id + " of " + request.collection()
                            + " is still active; waiting for it to end (--on-active wait).");
                    WaitResult result;
                    try {
                        result = waiter.await(blocker.id, request.deadline(), activeJobListener);
                    } catch (InterruptedException interrupted) {
                        throw new InterruptedException("no refresh of " + request.collection() + " was sent; job "
                                + blocker.id + " keeps running on the server");
                    }
                    if (result.outcome() == WaitResult.Outcome.TIMED_OUT) {
                        return new TriggerResult.StillActive(result);
                    }
                }
            }
        }
    }

    /** What stopped the refresh: the active job (when its id is known) and whether the server said so. */
    private record Blocker(JobId id, Job job, Integer serverCode, String serverMessage) {
        ActiveJobException failure(String collection) {
            return ActiveJobException.blocking(collection, id, job, serverCode, serverMessage);
        }
    }

    /** Either the started job or what blocked it. */
    private record Sent(TriggerResult.Started started, Blocker blocker) {}

    private Sent send(TriggerRequest request, JobList before) throws ApiException, InterruptedException {
        try {
            JsonNode data = api.trigger(
                    request.database(), request.collection(), request.externalSource(), request.externalSpec());
            return new Sent(new TriggerResult.Started(data, JobId.fromJson(data.get(Job.JOB_ID)), false), null);
        } catch (ApiException failed) {
            if (failed.serverCode().orElse(0) == CODE_DUPLICATE) {
                return new Sent(null, blockerFrom703(request, failed));
            }
            if (failed.delivery() != ApiException.Delivery.UNKNOWN) {
                throw failed;
            }
            return new Sent(findCreatedJob(request, before, failed), null);
        }
    }

    private Blocker blockerFrom703(TriggerRequest request, ApiException duplicate) throws InterruptedException {
        Matcher matcher = ACTIVE_ID.matcher(duplicate.serverMessage());
        Optional<JobId> id = Optional.empty();
        if (matcher.find()) {
            try {
                id = Optional.of(JobId.parse(matcher.group(1)));
            } catch (IllegalArgumentException unreadable) {
                // fall back to listing below
            }
        }
        try {
            if (id.isPresent()) {
                return new Blocker(id.get(), api.describe(id.get()), CODE_DUPLICATE, duplicate.serverMessage());
            }
            Optional<Job> active = firstActive(api.list(request.database(), request.collection()));
            return new Blocker(
                    active.map(Job::id).orElse(null), active.orElse(null), CODE_DUPLICATE, duplicate.serverMessage());
        } catch (ApiException lookupFailed) {
            // The refusal itself is the news; the details of the job are a nicety.
            return new Blocker(id.orElse(null), null, CODE_DUPLICATE, duplicate.serverMessage());
        }
    }

    /**
     * The refresh may have reached the server, but its answer was lost. A job that the list
     * taken before sending did not hold is the one this request created; without one, the
     * failure stands and nothing is sent again.
     */
    private TriggerResult.Started findCreatedJob(TriggerRequest request, JobList before, ApiException lost)
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
                notices.accept("The answer to the refresh was lost (" + lost.getMessage() + "), but job " + job.id()
                        + " was created by it.");
                return new TriggerResult.Started(
                        Json.object().set(Job.JOB_ID, job.id().toJson()), job.id(), true);
            }
        }
        throw lost.withMessage(lost.getMessage() + "; no new job was found, and the refresh was not sent again"
                + " (a slow server may still start it: check with zrefresh list --name " + request.collection() + ")");
    }

    private static Optional<Job> firstActive(JobList jobs) {
        return jobs.records().stream().filter(job -> job.state().isActive()).findFirst();
    }
}
