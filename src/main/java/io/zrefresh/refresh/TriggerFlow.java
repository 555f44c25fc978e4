package io.zrefresh.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.api.ApiException;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.job.JobList;
import io.zrefresh.job.JobState;
import io.zrefresh.refresh.TriggerOutcome.Blocked;
import io.zrefresh.refresh.TriggerOutcome.Failed;
import io.zrefresh.refresh.TriggerOutcome.Skipped;
import io.zrefresh.refresh.TriggerOutcome.Triggered;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trigger use case: a guarded refresh of one or several collections, and with --wait the wait
 * for their jobs. Under the collection's lock, the collection's jobs are listed and the refresh is
 * sent only if none is active (and, with --if-older-than, none completed recently). A server that
 * refuses with 703 is treated like an active job found by the list. A refresh is never sent twice:
 * when its answer is lost, the jobs are listed again and a job that was not there before is the
 * result. Each collection goes its own way (one's failure never stops another) as a task of the
 * waiter, which follows all their jobs at once and owns every pause, so --timeout bounds them all.
 */
public final class TriggerFlow {

    static final int CODE_DUPLICATE = 703;
    private static final Pattern ACTIVE_ID = Pattern.compile("refresh job (\\S+) is already in progress");

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

    /** @throws InterruptedException on Ctrl-C; its message says what keeps running on the server */
    public TriggerOutcome run(TriggerRequest request) throws InterruptedException {
        return runAll(List.of(request)).get(0);
    }

    /**
     * Guards and triggers each collection, in the given order, then follows all that is to be
     * waited for at once.
     *
     * @return one outcome per request, in the same order
     */
    public List<TriggerOutcome> runAll(List<TriggerRequest> requests) throws InterruptedException {
        List<CollectionTrigger> tasks =
                requests.stream().map(CollectionTrigger::new).toList();
        waiter.run(tasks);
        return tasks.stream().map(task -> task.outcome).toList();
    }

    /** One collection's way through guard, refresh and waits, a step at a time. */
    private final class CollectionTrigger implements Task {
        private final TriggerRequest request;
        private final String collection;
        private Instant due;
        private TriggerOutcome outcome;
        /** The job being followed, if any. */
        private JobWaiter.Follow following;
        /** What the followed job's wait makes of the outcome. */
        private Function<WaitResult, TriggerOutcome> whenFollowed;
        /** --on-active wait: the refusal that the followed active job caused, else null. */
        private Blocked waitingOut;

        private Duration retryPause = Duration.ZERO;

        CollectionTrigger(TriggerRequest request) {
            this.request = request;
            this.collection = request.collection();
            this.due = waiter.now();
        }

        @Override
        public Instant due() {
            return due;
        }

        @Override
        public void step() throws InterruptedException {
            try {
                if (following == null) {
                    attempt();
                } else {
                    stepFollowing();
                }
            } catch (ApiException failed) {
                done(new Failed(collection, failed));
            } catch (IOException lockFailed) {
                done(new Failed(collection, lockFailed));
            }
        }

        @Override
        public String abandon() {
            if (following == null) {
                return null;
            }
            String note = following.abandon();
            return waitingOut == null ? note : "no refresh of " + collection + " was sent; " + note;
        }

        private void attempt() throws ApiException, IOException, InterruptedException {
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
                    blocked = new Blocked(collection, job.id(), job, null, null);
                } else {
                    Optional<SkipReason.Fresh> fresh = freshness(before);
                    if (fresh.isPresent()) {
                        skipFresh(fresh.get());
                        return;
                    }
                    Sent sent = send(before);
                    if (sent.id != null) {
                        JobId id = sent.id;
                        listener.triggered(collection, id, Optional.ofNullable(sent.lostAnswer));
                        followIfAsked(
                                id,
                                waited -> new Triggered(collection, id, sent.data, sent.lostAnswer != null, waited));
                        return;
                    }
                    blocked = sent.blocked;
                }
            }
            JobId activeId = blocked.activeJobId();
            switch (request.onActive()) {
                case FAIL -> done(blocked);
                case SKIP -> {
                    if (activeId == null) {
                        done(blocked);
                    } else {
                        listener.skipped(collection, activeId, SkipReason.ACTIVE);
                        followIfAsked(activeId, waited -> new Skipped(collection, activeId, SkipReason.ACTIVE, waited));
                    }
                }
                case WAIT -> {
                    if (activeId == null) {
                        retryLater(blocked);
                    } else {
                        listener.waitingForActive(collection, activeId);
                        waitingOut = blocked;
                        follow(activeId, null);
                    }
                }
            }
        }

        /** The server refuses the refresh as a duplicate of a job nobody names: send it again later. */
        private void retryLater(Blocked blocked) {
            retryPause = waiter.backoffAfter(retryPause);
            listener.retryingUnnamedActive(collection, blocked.serverMessage(), retryPause);
            Instant now = waiter.now();
            if (waiter.pastDeadline(now)) {
                done(withWait(blocked, WaitResult.timedOut(null, null)));
            } else {
                due = waiter.dueIn(now, retryPause);
            }
        }

        private void skipFresh(SkipReason.Fresh fresh) {
            Job completed = fresh.completed();
            listener.skipped(collection, completed.id(), fresh);
            WaitResult ended = request.waitForJob() ? WaitResult.ended(completed.id(), completed) : null;
            done(new Skipped(collection, completed.id(), fresh, ended));
        }

        private void followIfAsked(JobId jobId, Function<WaitResult, TriggerOutcome> outcomeOf) {
            if (request.waitForJob()) {
                follow(jobId, outcomeOf);
            } else {
                done(outcomeOf.apply(null));
            }
        }

        private void follow(JobId jobId, Function<WaitResult, TriggerOutcome> outcomeOf) {
            following = waiter.follow(jobId, listener);
            whenFollowed = outcomeOf;
            due = following.due();
        }

        private void stepFollowing() throws ApiException, InterruptedException {
            following.step();
            if (following.due() != null) {
                due = following.due();
                return;
            }
            WaitResult result;
            try {
                result = following.result();
            } finally {
                following = null;
            }
            if (waitingOut == null) {
                done(whenFollowed.apply(result));
                return;
            }
            Blocked blocked = waitingOut;
            waitingOut = null;
            if (result.jobEnded()) {
                due = waiter.now();
            } else {
                done(withWait(blocked, result));
            }
        }

        private void done(TriggerOutcome ended) {
            outcome = ended;
            due = null;
        }

        /**
         * --if-older-than: the newest completed refresh (greatest end time; one without an end time
         * does not count), when it ended less than the limit ago.
         */
        private Optional<SkipReason.Fresh> freshness(JobList jobs) {
            Duration limit = request.ifOlderThan();
            if (limit == null) {
                return Optional.empty();
            }
            Instant now = waiter.now();
            return jobs.records().stream()
                    .filter(job -> job.state() == JobState.COMPLETED && job.endTime() > 0)
                    .max(Comparator.comparingLong(Job::endTime))
                    .map(job -> new SkipReason.Fresh(job, age(now, job), limit))
                    .filter(fresh -> fresh.age().compareTo(limit) < 0);
        }

        /**
         * Either the started job's {@code {"jobId": N}} (and the failure that lost the server's
         * answer, if one did) or what blocked it.
         */
        private record Sent(JobId id, JsonNode data, ApiException lostAnswer, Blocked blocked) {}

        private Sent send(JobList before) throws ApiException, InterruptedException {
            try {
                JsonNode data =
                        api.trigger(request.database(), collection, request.externalSource(), request.externalSpec());
                return new Sent(JobId.fromJson(data.get(Job.JOB_ID)), data, null, null);
            } catch (ApiException failed) {
                if (failed.serverCode().orElse(0) == CODE_DUPLICATE) {
                    return new Sent(null, null, null, blockedBy703(failed));
                }
                if (failed.delivery() != ApiException.Delivery.UNKNOWN) {
                    throw failed;
                }
                JobId created = findCreatedJob(before, failed);
                return new Sent(created, Job.idDocument(created), failed, null);
            }
        }

        private Blocked blockedBy703(ApiException duplicate) throws InterruptedException {
            Matcher matcher = ACTIVE_ID.matcher(duplicate.serverMessage());
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
                    // only --on-active fail shows the job; wait and skip follow it themselves
                    Job job = request.onActive() == OnActive.FAIL ? api.describe(id) : null;
                    return new Blocked(collection, id, job, duplicate, null);
                }
                Optional<Job> active = firstActive(api.list(request.database(), collection));
                return new Blocked(collection, active.map(Job::id).orElse(null), active.orElse(null), duplicate, null);
            } catch (ApiException lookupFailed) {
                // The refusal itself is the news; the details of the job are a nicety.
                return new Blocked(collection, id, null, duplicate, null);
            }
        }

        /**
         * The refresh may have reached the server, but its answer was lost. A job that the list
         * taken before sending did not hold is the one this request created; without one, the
         * failure stands and nothing is sent again.
         */
        private JobId findCreatedJob(JobList before, ApiException lost) throws ApiException, InterruptedException {
            Set<JobId> known = new HashSet<>();
            before.records().forEach(job -> known.add(job.id()));
            JobList after;
            try {
                after = api.list(request.database(), collection);
            } catch (ApiException listFailed) {
                throw lost.withMessage(lost.getMessage() + "; whether a job was created could not be checked ("
                        + listFailed.getMessage() + "); see: zrefresh list --name " + collection);
            }
            for (Job job : after.records()) {
                if (!known.contains(job.id())) {
                    return job.id();
                }
            }
            throw lost.withMessage(lost.getMessage() + "; no new job was found, and the refresh was not sent again"
                    + " (a slow server may still start it: check with zrefresh list --name " + collection + ")");
        }
    }

    private static Blocked withWait(Blocked blocked, WaitResult waited) {
        Job lastSeen = waited.lastSeen().orElse(blocked.activeJob());
        return new Blocked(blocked.collection(), blocked.activeJobId(), lastSeen, blocked.refusal(), waited);
    }

    /** How long ago the job ended; a job that ended "in the future" (clocks apart) ended just now. */
    private static Duration age(Instant now, Job job) {
        Duration age = Duration.between(Instant.ofEpochMilli(job.endTime()), now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    private static Optional<Job> firstActive(JobList jobs) {
        return jobs.records().stream().filter(job -> job.state().isActive()).findFirst();
    }
}
