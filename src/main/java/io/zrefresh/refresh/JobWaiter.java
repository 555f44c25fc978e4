package io.zrefresh.refresh;

import io.zrefresh.api.ApiException;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.job.JobList;
import io.zrefresh.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All the waiting of one command: follows jobs until they end, watches lists, and spaces the
 * trigger flow's attempts. The only owner of clock, sleeper, poll interval and deadline, so every
 * wait honours --timeout. Work runs as {@link Task}s stepped from one thread, each when it is due,
 * so that several jobs are followed at once with one request at a time on the caller's client:
 * a long wait reuses one connection. A poll that fails in a retryable way does not end a wait:
 * polls go on with backoff until the deadline or, without one, until the failures have lasted
 * --max-outage. Interrupting the thread ends a wait with {@link InterruptedException} whose message
 * says what keeps running on the server.
 */
public final class JobWaiter {

    /** The longest pause between two attempts that keep failing. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What a watch of a list reports after each answer. */
    public interface ListObserver {
        /**
         * @param jobs    the answer, newest first
         * @param changed the jobs that appeared or changed state or progress since the last answer, in list order
         */
        void polled(JobList jobs, List<Job> changed);
    }

    private final RefreshApi api;
    private final Clock clock;
    private final Sleeper sleeper;
    private final WaitPolicy policy;
    private final Instant deadline;
    /** When people were told that the server cannot be reached, or null: once per outage, however many polls fail. */
    private Instant outageTold;

    /** The deadline (--timeout) counts from now: it covers all the waiting of the command. */
    public JobWaiter(RefreshApi api, Clock clock, Sleeper sleeper, WaitPolicy policy) {
        this.api = api;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
        this.deadline = policy.timeout() == null ? null : clock.instant().plus(policy.timeout());
    }

    /**
     * The pause before the next of attempts that keep failing (polls while the server cannot be
     * reached, refreshes refused as duplicates): the poll interval after the first ({@code last} is
     * zero), then twice the last, at most {@link #MAX_BACKOFF}.
     */
    Duration backoffAfter(Duration last) {
        return shorter(MAX_BACKOFF, last.isZero() ? policy.pollInterval() : last.multipliedBy(2));
    }

    Instant now() {
        return clock.instant();
    }

    boolean pastDeadline(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    /** {@code pause} after {@code now}, or the deadline when that comes first. */
    Instant dueIn(Instant now, Duration pause) {
        Instant due = now.plus(pause);
        return deadline != null && deadline.isBefore(due) ? deadline : due;
    }

    /** Polls the job until it ends, the deadline passes, it stalls, or the server stays unreachable. */
    public WaitResult await(JobId jobId, RefreshListener listener) throws ApiException, InterruptedException {
        Follow follow = follow(jobId, listener);
        run(List.of(follow));
        return follow.result();
    }

    /**
     * wait --name: follows the collection's newest active job to its end; when none is active, the
     * newest job is the result as it is (one in a state zrefresh does not know is followed).
     *
     * @return empty when the collection has no job at all
     */
    public Optional<WaitResult> awaitNewest(String database, String collection, RefreshListener listener)
            throws ApiException, InterruptedException {
        List<Job> newestFirst = new ArrayList<>(api.list(database, collection).records());
        // The server lists newest first; a stable sort keeps its order where start times tie.
        newestFirst.sort(Comparator.comparingLong(Job::startTime).reversed());
        if (newestFirst.isEmpty()) {
            return Optional.empty();
        }
        Job target = newestFirst.stream()
                .filter(job -> job.state().isActive())
                .findFirst()
                .orElse(newestFirst.get(0));
        if (target.state().isTerminal()) {
            return Optional.of(WaitResult.ended(target.id(), target));
        }
        return Optional.of(await(target.id(), listener));
    }

    /**
     * list --watch: lists the jobs every poll interval, riding out outages as waits do, and tells
     * the observer of each answer. Runs until interrupted, or with {@code untilIdle} until no
     * listed job is pending, in progress or in a state zrefresh does not know.
     *
     * @return empty when it ended idle; the last failure when polls failed for --max-outage
     * @throws ApiException when a poll failed in a way that waiting cannot mend
     */
    public Optional<ApiException> watch(
            String database, String collection, boolean untilIdle, ListObserver observer, RefreshListener listener)
            throws ApiException, InterruptedException {
        ListPoll poll = new ListPoll(database, collection, untilIdle, observer, listener);
        run(List.of(poll));
        if (poll.failure != null) {
            throw poll.failure;
        }
        return Optional.ofNullable(poll.outage);
    }

    /** Starts following a job: the task polls it when run. */
    Follow follow(JobId jobId, RefreshListener listener) {
        return new Follow(jobId, listener);
    }

    /**
     * Steps the tasks until every one is done: always the one due first, after sleeping until it
     * is due. Tasks due at the same time take turns, in list order after the one stepped last, so
     * that every collection is guarded and triggered before any job is polled twice.
     */
    void run(List<? extends Task> tasks) throws InterruptedException {
        int last = tasks.size() - 1;
        try {
            while (true) {
                int next = -1;
                Instant nextDue = null;
                for (int turn = 1; turn <= tasks.size(); turn++) {
                    int index = (last + turn) % tasks.size();
                    Instant due = tasks.get(index).due();
                    if (due != null && (nextDue == null || due.isBefore(nextDue))) {
                        next = index;
                        nextDue = due;
                    }
                }
                if (next < 0) {
                    return;
                }
                last = next;
                Duration wait = Duration.between(clock.instant(), nextDue);
                if (wait.compareTo(Duration.ZERO) > 0) {
                    sleeper.sleep(wait);
                }
                tasks.get(next).step();
            }
        } catch (InterruptedException interrupted) {
            List<String> notes = new ArrayList<>();
            for (Task task : tasks) {
                String note = task.due() == null ? null : task.abandon();
                if (note != null) {
                    notes.add(note);
                }
            }
            // Without a note, no message: the sleep's own ("sleep interrupted") says nothing to people.
            throw new InterruptedException(notes.isEmpty() ? null : String.join("; ", notes));
        }
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * A request repeated until its task ends. A failure that may pass (an outage) is ridden out:
     * polls go on with backoff until the deadline or, without one, until the failures have lasted
     * --max-outage; any other failure ends the task.
     */
    private abstract class Polling<T> implements Task {
        /** The job polled, or null for a list. */
        final JobId jobId;

        final RefreshListener listener;
        Instant due;
        private Instant failingSince;
        private Duration backoff = Duration.ZERO;

        Polling(JobId jobId, RefreshListener listener) {
            this.jobId = jobId;
            this.listener = listener;
            this.due = clock.instant();
        }

        @Override
        public Instant due() {
            return due;
        }

        @Override
        public void step() throws InterruptedException {
            T answer;
            try {
                answer = fetch();
            } catch (ApiException failed) {
                if (failed.isTransient()) {
                    rideOut(failed);
                } else {
                    due = null;
                    failed(failed);
                }
                return;
            }
            Instant now = clock.instant();
            Duration outage = failingSince == null ? Duration.ZERO : Duration.between(failingSince, now);
            failingSince = null;
            backoff = Duration.ZERO;
            if (outageTold != null) {
                listener.reachable(jobId, Duration.between(outageTold, now));
                outageTold = null;
            }
            answered(answer, now, outage);
        }

        private void rideOut(ApiException failed) {
            Instant now = clock.instant();
            listener.pollFailed(jobId, failed);
            if (failingSince == null) {
                failingSince = now;
            }
            if (outageTold == null) {
                outageTold = now;
                listener.unreachable(jobId, now, failed);
            }
            if (pastDeadline(now)) {
                due = null;
                timedOut();
                return;
            }
            Instant givingUp = failingSince.plus(policy.maxOutage());
            if (deadline == null && !now.isBefore(givingUp)) {
                due = null;
                gaveUp(failed);
                return;
            }
            backoff = backoffAfter(backoff);
            due = dueIn(now, deadline == null ? shorter(backoff, Duration.between(now, givingUp)) : backoff);
        }

        abstract T fetch() throws ApiException, InterruptedException;

        /**
         * An answer came; the task sets when it is due next, or null when done.
         *
         * @param outage how long this task's polls had failed before this answer
         */
        abstract void answered(T answer, Instant now, Duration outage);

        /** A failure that waiting cannot mend ended the task. */
        abstract void failed(ApiException failure);

        /** The deadline passed while the server could not be reached. */
        abstract void timedOut();

        /** Polls failed for --max-outage. */
        abstract void gaveUp(ApiException lastFailure);
    }

    /** Follows one job until it ends, the deadline passes, it stalls, or the server stays unreachable. */
    final class Follow extends Polling<Job> {
        private final Instant started;
        private Job last;
        private Instant lastChange;
        private WaitResult result;
        private ApiException failure;

        private Follow(JobId jobId, RefreshListener listener) {
            super(jobId, listener);
            this.started = due;
            this.lastChange = started;
            listener.waitStarted(jobId);
        }

        @Override
        Job fetch() throws ApiException, InterruptedException {
            return api.describe(jobId);
        }

        @Override
        void answered(Job job, Instant now, Duration outage) {
            // Time the server could not be asked is not time the job stood still.
            lastChange = lastChange.plus(outage);
            listener.polled(job, Duration.between(started, now));
            if (last == null || !job.stateName().equals(last.stateName()) || job.progress() != last.progress()) {
                lastChange = now;
            }
            last = job;
            if (job.state().isTerminal()) {
                end(WaitResult.ended(jobId, job));
                return;
            }
            if (pastDeadline(now)) {
                end(WaitResult.timedOut(jobId, job));
                return;
            }
            Duration still = Duration.between(lastChange, now);
            Duration stallTimeout = policy.stallTimeout();
            if (stallTimeout != null && still.compareTo(stallTimeout) >= 0) {
                end(new WaitResult(jobId, job, WaitResult.Outcome.STALLED, null, still));
                return;
            }
            due = dueIn(
                    now,
                    stallTimeout == null
                            ? policy.pollInterval()
                            : shorter(policy.pollInterval(), stallTimeout.minus(still)));
        }

        @Override
        void failed(ApiException failure) {
            this.failure = failure;
            listener.waitEnded(jobId);
        }

        @Override
        void timedOut() {
            end(WaitResult.timedOut(jobId, last));
        }

        @Override
        void gaveUp(ApiException lastFailure) {
            end(new WaitResult(jobId, last, WaitResult.Outcome.UNREACHABLE, lastFailure, null));
        }

        private void end(WaitResult ended) {
            result = ended;
            due = null;
            listener.waitEnded(jobId);
        }

        @Override
        public String abandon() {
            due = null;
            listener.waitEnded(jobId);
            return "job " + jobId + " keeps running on the server. Follow it with: zrefresh wait --job-id " + jobId;
        }

        /** How the wait ended, once it has. */
        WaitResult result() throws ApiException {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    /** list --watch. */
    private final class ListPoll extends Polling<JobList> {
        private final String database;
        private final String collection;
        private final boolean untilIdle;
        private final ListObserver observer;
        private final Instant started;
        /** Each job's state and progress as last seen. */
        private final Map<JobId, String> seen = new HashMap<>();

        private ApiException failure;
        private ApiException outage;

        ListPoll(
                String database,
                String collection,
                boolean untilIdle,
                ListObserver observer,
                RefreshListener listener) {
            super(null, listener);
            this.database = database;
            this.collection = collection;
            this.untilIdle = untilIdle;
            this.observer = observer;
            this.started = due;
        }

        @Override
        JobList fetch() throws ApiException, InterruptedException {
            return api.list(database, collection);
        }

        @Override
        void answered(JobList jobs, Instant now, Duration outage) {
            List<Job> changed = new ArrayList<>();
            boolean busy = false;
            for (Job job : jobs.records()) {
                String look = job.stateName() + "\n" + job.progress();
                if (!look.equals(seen.put(job.id(), look))) {
                    changed.add(job);
                    listener.polled(job, Duration.between(started, now));
                }
                busy |= !job.state().isTerminal();
            }
            observer.polled(jobs, changed);
            due = untilIdle && !busy ? null : dueIn(now, policy.pollInterval());
        }

        @Override
        void failed(ApiException failure) {
            this.failure = failure;
        }

        @Override
        void timedOut() {
            // a watch has no deadline
        }

        @Override
        void gaveUp(ApiException lastFailure) {
            outage = lastFailure;
        }

        @Override
        public String abandon() {
            due = null;
            return null;
        }
    }
}
