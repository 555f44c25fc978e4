package io.zrefresh.refresh;

import static io.zrefresh.support.Jobs.failed;
import static io.zrefresh.support.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.zrefresh.api.ApiException;
import io.zrefresh.api.ClientSettings;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.api.RetryPolicy;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.refresh.WaitResult.Outcome;
import io.zrefresh.support.FakeTime;
import io.zrefresh.support.Jobs;
import io.zrefresh.support.ScriptedTransport;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobWaiterTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    private final ScriptedTransport transport = new ScriptedTransport();
    private final FakeTime time = new FakeTime();
    /** One attempt per call: the waiter's own riding out of outages is what these tests are about. */
    private final RefreshApi api = new RefreshApi(
            new ClientSettings(URI.create("https://c.example"), "k", Duration.ofSeconds(5), "ua", null),
            transport,
            new RetryPolicy(1, () -> 0),
            time,
            time);

    private final List<String> events = new ArrayList<>();
    private final RefreshListener listener = new RefreshListener() {
        @Override
        public void waitStarted(JobId jobId) {
            events.add("start " + jobId);
        }

        @Override
        public void polled(Job job, Duration waited) {
            events.add(job.stateName() + "@" + waited.toSeconds());
        }

        @Override
        public void unreachable(JobId jobId, Instant since, ApiException failure) {
            events.add("unreachable");
        }

        @Override
        public void reachable(JobId jobId, Duration outage) {
            events.add("reachable after " + outage.toSeconds());
        }

        @Override
        public void waitEnded(JobId jobId) {
            events.add("end " + jobId);
        }
    };

    private JobWaiter waiter(Duration timeout, Duration stallTimeout) {
        return new JobWaiter(
                api, time, time, new WaitPolicy(TWO_SECONDS, timeout, Duration.ofMinutes(5), stallTimeout));
    }

    private JobWaiter waiter() {
        return waiter(null, null);
    }

    private void refused(int times) {
        for (int i = 0; i < times; i++) {
            transport.fail(new ConnectException("Connection refused"));
        }
    }

    @Test
    void pollsAtTheIntervalUntilTheJobCompletes() throws Exception {
        transport
                .ok(job(7, "c", "RefreshPending", 0))
                .ok(job(7, "c", "RefreshInProgress", 50))
                .ok(job(7, "c", "RefreshCompleted", 100));
        WaitResult result = waiter().await(JobId.of(7), listener);
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.job().progress()).isEqualTo(100);
        assertThat(events)
                .containsExactly("start 7", "RefreshPending@0", "RefreshInProgress@2", "RefreshCompleted@4", "end 7");
        assertThat(time.sleeps).containsExactly(TWO_SECONDS, TWO_SECONDS);
        assertThat(transport.actions()).containsOnly("describe");
    }

    @Test
    void aFailedJobEndsTheWaitWithItsReason() throws Exception {
        transport.ok(failed(7, "c", "no files found"));
        WaitResult result = waiter().await(JobId.of(7), listener);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.job().reason()).isEqualTo("no files found");
    }

    @Test
    void theDeadlineEndsTheWaitWithTheJobAsLastSeen() throws Exception {
        for (int i = 0; i < 4; i++) {
            transport.ok(job(7, "c", "RefreshInProgress", 10 * i));
        }
        WaitResult result = waiter(Duration.ofSeconds(5), null).await(JobId.of(7), listener);
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.job().progress()).isEqualTo(30);
        assertThat(time.sleeps).containsExactly(TWO_SECONDS, TWO_SECONDS, Duration.ofSeconds(1));
    }

    @Test
    void theDeadlineCountsFromTheWaitersCreationAcrossWaits() throws Exception {
        JobWaiter waiter = waiter(Duration.ofSeconds(3), null);
        transport.ok(job(7, "c", "RefreshInProgress", 10)).ok(failed(7, "c", "x"));
        waiter.await(JobId.of(7), listener);
        transport.ok(job(8, "c", "RefreshInProgress", 10)).ok(job(8, "c", "RefreshInProgress", 20));
        assertThat(waiter.await(JobId.of(8), listener).outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(time.sleeps).containsExactly(TWO_SECONDS, Duration.ofSeconds(1));
    }

    @Test
    void aShortOutageIsRiddenOutWithBackoffAndToldOnceEachWay() throws Exception {
        transport.ok(job(7, "c", "RefreshInProgress", 10));
        refused(4);
        transport.ok(job(7, "c", "RefreshCompleted", 100));
        WaitResult result = waiter().await(JobId.of(7), listener);
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(events)
                .containsExactly(
                        "start 7",
                        "RefreshInProgress@0",
                        "unreachable",
                        "reachable after 30",
                        "RefreshCompleted@32",
                        "end 7");
        assertThat(time.sleeps)
                .containsExactly(
                        TWO_SECONDS, TWO_SECONDS, Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));
    }

    @Test
    void theBackoffBetweenFailedPollsIsCappedAt30Seconds() throws Exception {
        refused(8);
        transport.ok(job(7, "c", "RefreshCompleted", 100));
        waiter().await(JobId.of(7), listener);
        assertThat(time.sleeps).endsWith(Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(time.sleeps).allMatch(pause -> pause.compareTo(Duration.ofSeconds(30)) <= 0);
    }

    @Test
    void withoutATimeoutTheWaitGivesUpAfterMaxOutage() throws Exception {
        transport.ok(job(7, "c", "RefreshInProgress", 10));
        refused(100);
        WaitResult result = waiter().await(JobId.of(7), listener);
        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.job().progress()).as("the job as last seen").isEqualTo(10);
        assertThat(result.outage().getMessage()).contains("connection refused");
        Duration slept = time.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(slept).isEqualTo(TWO_SECONDS.plus(Duration.ofMinutes(5)));
        assertThat(events).containsOnlyOnce("unreachable").doesNotContain("reachable after");
    }

    @Test
    void withATimeoutAnOutageEndsAtTheDeadline() throws Exception {
        refused(100);
        WaitResult result = waiter(Duration.ofMinutes(10), null).await(JobId.of(7), listener);
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.job()).as("no poll ever answered").isNull();
        Duration slept = time.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(slept).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void answersThatAreNotRetryableEndTheWaitAtOnce() {
        transport.ok(job(7, "c", "RefreshInProgress", 10)).error(1100, "refresh job 7 not found: invalid parameter");
        assertThatThrownBy(() -> waiter().await(JobId.of(7), listener))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("not found");
        assertThat(events).last().isEqualTo("end 7");
        transport.reply(401, "application/json", "{\"code\":1800,\"message\":\"user hasn't authenticated\"}");
        assertThatThrownBy(() -> waiter().await(JobId.of(7), listener)).isInstanceOf(ApiException.class);
        assertThat(time.sleeps).hasSize(1);
    }

    @Test
    void aStateThisClientDoesNotKnowIsPolledOn() throws Exception {
        transport
                .ok(job(7, "c", "RefreshValidating", 5))
                .ok(job(7, "c", "RefreshValidating", 5))
                .ok(job(7, "c", "RefreshCompleted", 100));
        assertThat(waiter().await(JobId.of(7), listener).outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(events).contains("RefreshValidating@0", "RefreshValidating@2");
    }

    @Test
    void aJobWithoutChangeForTheStallTimeoutEndsTheWait() throws Exception {
        transport.ok(job(7, "c", "RefreshInProgress", 90));
        transport.ok(job(7, "c", "RefreshInProgress", 95));
        for (int i = 0; i < 10; i++) {
            transport.ok(job(7, "c", "RefreshInProgress", 95));
        }
        WaitResult result = waiter(null, Duration.ofSeconds(5)).await(JobId.of(7), listener);
        assertThat(result.outcome()).isEqualTo(Outcome.STALLED);
        assertThat(result.stalledFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(result.job().progress()).isEqualTo(95);
        assertThat(time.sleeps).containsExactly(TWO_SECONDS, TWO_SECONDS, TWO_SECONDS, Duration.ofSeconds(1));
    }

    @Test
    void timeUnreachableDoesNotCountTowardTheStallTimeout() throws Exception {
        transport.ok(job(7, "c", "RefreshInProgress", 95));
        refused(3);
        transport.ok(job(7, "c", "RefreshInProgress", 95)).ok(job(7, "c", "RefreshCompleted", 100));
        WaitResult result = waiter(null, Duration.ofSeconds(10)).await(JobId.of(7), listener);
        assertThat(result.outcome())
                .as("14 s went by, but 14 s of them unreachable")
                .isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void severalJobsArePolledInTurnOnTheOneClient() throws Exception {
        JobWaiter waiter = waiter();
        transport
                .ok(job(7, "a", "RefreshInProgress", 10))
                .ok(job(8, "b", "RefreshInProgress", 10))
                .ok(job(7, "a", "RefreshCompleted", 100))
                .ok(job(8, "b", "RefreshInProgress", 60))
                .ok(job(8, "b", "RefreshCompleted", 100));
        JobWaiter.Follow first = waiter.follow(JobId.of(7), listener);
        JobWaiter.Follow second = waiter.follow(JobId.of(8), listener);
        waiter.run(List.of(first, second));
        assertThat(first.result().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(second.result().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(transport.sent.stream().map(sent -> sent.json().get("jobId").asLong()))
                .containsExactly(7L, 8L, 7L, 8L, 8L);
        assertThat(time.sleeps).as("one pause per round of polls").containsExactly(TWO_SECONDS, TWO_SECONDS);
    }

    @Test
    void anOutageOfSeveralPollsIsToldOnceEachWay() throws Exception {
        JobWaiter waiter = waiter();
        transport.ok(job(7, "a", "RefreshInProgress", 10)).ok(job(8, "b", "RefreshInProgress", 10));
        refused(2);
        transport.ok(job(7, "a", "RefreshCompleted", 100)).ok(job(8, "b", "RefreshCompleted", 100));
        JobWaiter.Follow first = waiter.follow(JobId.of(7), listener);
        JobWaiter.Follow second = waiter.follow(JobId.of(8), listener);
        waiter.run(List.of(first, second));
        assertThat(events)
                .containsOnlyOnce("unreachable")
                .filteredOn(event -> event.startsWith("reachable"))
                .hasSize(1);
        assertThat(second.result().outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void waitingByNameFollowsTheNewestActiveJob() throws Exception {
        transport
                .ok(Jobs.records(
                        job(9, "c", "RefreshCompleted", 100).replace("1754550000123", "1754550009000"),
                        job(8, "c", "RefreshInProgress", 40)))
                .ok(job(8, "c", "RefreshCompleted", 100));
        WaitResult result = waiter().awaitNewest("default", "c", listener).orElseThrow();
        assertThat(result.jobId()).isEqualTo(JobId.of(8));
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(transport.sent.get(0).json()).hasToString("{\"dbName\":\"default\",\"collectionName\":\"c\"}");
        assertThat(transport.actions()).containsExactly("list", "describe");
    }

    @Test
    void waitingByNameWithoutAnActiveJobIsTheNewestJobAtOnce() throws Exception {
        transport.ok(Jobs.records(
                job(7, "c", "RefreshCompleted", 100),
                failed(8, "c", "no files").replace("1754550000123", "1754550005000")));
        WaitResult result = waiter().awaitNewest("default", "c", listener).orElseThrow();
        assertThat(result.jobId()).as("the greatest start time").isEqualTo(JobId.of(8));
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(transport.actions()).containsExactly("list");
        assertThat(events).isEmpty();
    }

    @Test
    void waitingByNameFollowsANewestJobInAStateThisClientDoesNotKnow() throws Exception {
        transport.ok(Jobs.records(job(7, "c", "RefreshValidating", 5))).ok(job(7, "c", "RefreshCompleted", 100));
        assertThat(waiter().awaitNewest("default", "c", listener).orElseThrow().outcome())
                .isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void waitingByNameForACollectionWithoutJobsFindsNothing() throws Exception {
        transport.ok(Jobs.records());
        assertThat(waiter().awaitNewest("default", "c", listener)).isEmpty();
    }

    @Test
    void aWatchReportsJobsThatAppearOrChangeUntilIdle() throws Exception {
        transport
                .ok(Jobs.records(job(2, "c", "RefreshInProgress", 10), job(1, "c", "RefreshCompleted", 100)))
                .ok(Jobs.records(job(2, "c", "RefreshInProgress", 10), job(1, "c", "RefreshCompleted", 100)))
                .ok(Jobs.records(
                        job(3, "c", "RefreshPending", 0),
                        job(2, "c", "RefreshInProgress", 50),
                        job(1, "c", "RefreshCompleted", 100)))
                .ok(Jobs.records(
                        job(3, "c", "RefreshValidating", 0),
                        job(2, "c", "RefreshCompleted", 100),
                        job(1, "c", "RefreshCompleted", 100)))
                .ok(Jobs.records(
                        job(3, "c", "RefreshFailed", 0),
                        job(2, "c", "RefreshCompleted", 100),
                        job(1, "c", "RefreshCompleted", 100)));
        List<String> polls = new ArrayList<>();
        Optional<ApiException> outage = waiter().watch(
                        "default",
                        "c",
                        true,
                        (jobs, changed) -> polls.add(changed.stream()
                                .map(job -> job.id() + ":" + job.stateName() + "@" + job.progress())
                                .toList()
                                .toString()),
                        listener);
        assertThat(outage).isEmpty();
        assertThat(polls)
                .containsExactly(
                        "[2:RefreshInProgress@10, 1:RefreshCompleted@100]",
                        "[]",
                        "[3:RefreshPending@0, 2:RefreshInProgress@50]",
                        "[3:RefreshValidating@0, 2:RefreshCompleted@100]",
                        "[3:RefreshFailed@0]");
        assertThat(time.sleeps).hasSize(4).containsOnly(TWO_SECONDS);
        assertThat(events).as("each change told to the listener").hasSize(7);
    }

    @Test
    void aWatchRidesOutAnOutageAndGivesUpAfterMaxOutage() throws Exception {
        transport.ok(Jobs.records(job(2, "c", "RefreshInProgress", 10)));
        refused(2);
        transport.ok(Jobs.records(job(2, "c", "RefreshInProgress", 20)));
        refused(100);
        Optional<ApiException> outage = waiter().watch("default", null, false, (jobs, changed) -> {}, listener);
        assertThat(outage).get().extracting(Throwable::getMessage, STRING).contains("connection refused");
        assertThat(events).containsSubsequence("unreachable", "reachable after 6", "unreachable");
        assertThat(transport.sent.get(0).json()).hasToString("{\"dbName\":\"default\"}");
    }

    @Test
    void anInterruptedWatchHasNothingToSay() {
        RefreshApi interrupted = new RefreshApi(
                new ClientSettings(URI.create("https://c.example"), "k", Duration.ofSeconds(5), "ua", null),
                (uri, headers, body, timeout) -> {
                    throw new InterruptedException("sleep interrupted");
                },
                new RetryPolicy(1, () -> 0),
                time,
                time);
        JobWaiter waiter = new JobWaiter(interrupted, time, time, new WaitPolicy(TWO_SECONDS, null, null, null));
        assertThatThrownBy(() -> waiter.watch("default", null, false, (jobs, changed) -> {}, listener))
                .isInstanceOf(InterruptedException.class)
                .hasMessage(null);
    }

    @Test
    void anInterruptedWaitSaysTheJobKeepsRunning() {
        RefreshApi interrupted = new RefreshApi(
                new ClientSettings(URI.create("https://c.example"), "k", Duration.ofSeconds(5), "ua", null),
                (uri, headers, body, timeout) -> {
                    throw new InterruptedException();
                },
                new RetryPolicy(1, () -> 0),
                time,
                time);
        JobWaiter waiter = new JobWaiter(interrupted, time, time, new WaitPolicy(TWO_SECONDS, null, null, null));
        assertThatThrownBy(() -> waiter.await(JobId.of(7), listener))
                .isInstanceOf(InterruptedException.class)
                .hasMessageContaining("job 7 keeps running on the server", "zrefresh wait --job-id 7");
        assertThat(events).containsExactly("start 7", "end 7");
    }

    @Test
    void intervalsBelowTheMinimumAreRefused() {
        assertThatThrownBy(() -> new WaitPolicy(Duration.ofMillis(499), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
