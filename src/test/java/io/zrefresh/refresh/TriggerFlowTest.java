package io.zrefresh.refresh;

import static io.zrefresh.support.Jobs.failed;
import static io.zrefresh.support.Jobs.job;
import static io.zrefresh.support.Jobs.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrefresh.api.ApiException;
import io.zrefresh.api.ClientSettings;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.api.RetryPolicy;
import io.zrefresh.api.Transport;
import io.zrefresh.job.JobId;
import io.zrefresh.refresh.TriggerOutcome.Blocked;
import io.zrefresh.refresh.TriggerOutcome.Failed;
import io.zrefresh.refresh.TriggerOutcome.Skipped;
import io.zrefresh.refresh.TriggerOutcome.Triggered;
import io.zrefresh.refresh.WaitResult.Outcome;
import io.zrefresh.support.FakeTime;
import io.zrefresh.support.ScriptedTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriggerFlowTest {

    private static final String DUPLICATE =
            "refresh job 466073417512550401 is already in progress for collection books; "
                    + "poll that jobID or wait for it to complete: task duplicates[taskType=refresh_external_collection]";

    @TempDir
    Path locks;

    private final ScriptedTransport transport = new ScriptedTransport();
    private final FakeTime time = new FakeTime();
    private final List<String> events = new ArrayList<>();
    private final RefreshListener listener = new RefreshListener() {
        @Override
        public void triggered(String collection, JobId jobId, Optional<ApiException> lostAnswer) {
            events.add("triggered " + jobId + (lostAnswer.isPresent() ? " after a lost answer" : ""));
        }

        @Override
        public void skipped(String collection, JobId jobId, SkipReason reason) {
            events.add("skipped to " + jobId);
        }

        @Override
        public void waitingForActive(String collection, JobId activeJobId) {
            events.add("waiting for " + activeJobId);
        }

        @Override
        public void retryingUnnamedActive(String collection, String serverMessage, Duration pause) {
            events.add("retrying in " + pause.toSeconds());
        }

        @Override
        public void waitStarted(JobId jobId) {
            events.add("wait " + jobId);
        }

        @Override
        public void waitEnded(JobId jobId) {
            events.add("end " + jobId);
        }
    };

    private TriggerFlow flow(Duration timeout) {
        return flow(transport, timeout);
    }

    private TriggerFlow flow(Transport through, Duration timeout) {
        RefreshApi api = new RefreshApi(
                new ClientSettings(URI.create("https://c.example"), "k", Duration.ofSeconds(5), "ua", null),
                through,
                new RetryPolicy(3, () -> 0),
                time,
                time);
        WaitPolicy policy = new WaitPolicy(Duration.ofSeconds(2), timeout, Duration.ofMinutes(5), null);
        return new TriggerFlow(api, new JobWaiter(api, time, time, policy), new CollectionLocks(locks), listener);
    }

    private TriggerFlow flow() {
        return flow(null);
    }

    private static TriggerRequest request(OnActive onActive, boolean force, boolean waitForJob) {
        return new TriggerRequest(
                "https://c.example", "default", "books", null, null, onActive, force, null, waitForJob);
    }

    private static TriggerRequest request(OnActive onActive) {
        return request(onActive, false, false);
    }

    private static TriggerRequest ifOlderThan(Duration limit, boolean force, boolean waitForJob) {
        return new TriggerRequest(
                "https://c.example", "default", "books", null, null, OnActive.FAIL, force, limit, waitForJob);
    }

    /** A completed job of books that ended {@code ago} before the fake clock's now. */
    private String completed(long id, Duration ago) {
        return job(id, "books", "RefreshCompleted", 100)
                .replace(
                        "\"endTime\":0",
                        "\"endTime\":" + time.instant().minus(ago).toEpochMilli());
    }

    private List<Long> describedIds() {
        return transport.sent.stream()
                .filter(sent -> sent.action().equals("describe"))
                .map(sent -> sent.json().get("jobId").asLong())
                .toList();
    }

    @Test
    void noActiveJobMeansOneRefresh() throws Exception {
        transport.ok(records(job(1, "books", "RefreshCompleted", 100))).ok("{\"jobId\":466073417512550402}");
        TriggerOutcome outcome = flow().run(request(OnActive.FAIL));
        assertThat(outcome).isInstanceOfSatisfying(Triggered.class, triggered -> {
            assertThat(triggered.jobId()).hasToString("466073417512550402");
            assertThat(triggered.data()).hasToString("{\"jobId\":466073417512550402}");
            assertThat(triggered.waited()).isNull();
        });
        assertThat(transport.actions()).containsExactly("list", "refresh");
        assertThat(events).containsExactly("triggered 466073417512550402");
    }

    @Test
    void withWaitTheOutcomeCarriesTheWaitForTheNewJob() throws Exception {
        transport
                .ok(records())
                .ok("{\"jobId\":10}")
                .ok(job(10, "books", "RefreshInProgress", 50))
                .ok(job(10, "books", "RefreshCompleted", 100));
        TriggerOutcome outcome = flow().run(request(OnActive.FAIL, false, true));
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Triggered.class,
                        triggered -> assertThat(triggered.waited().outcome()).isEqualTo(Outcome.COMPLETED));
        assertThat(transport.actions()).containsExactly("list", "refresh", "describe", "describe");
    }

    @Test
    void anActiveJobBlocksTheRefreshByDefault() throws Exception {
        transport.ok(records(job(466073417512550401L, "books", "RefreshInProgress", 42)));
        TriggerOutcome outcome = flow().run(request(OnActive.FAIL));
        assertThat(outcome).isInstanceOfSatisfying(Blocked.class, blocked -> {
            assertThat(blocked.activeJobId()).isEqualTo(JobId.of(466073417512550401L));
            assertThat(blocked.activeJob().progress()).isEqualTo(42);
            assertThat(blocked.serverCode()).isNull();
            assertThat(blocked.waited()).isNull();
        });
        assertThat(transport.actions()).containsExactly("list");
    }

    @Test
    void skipReportsTheActiveJobAndSendsNothing() throws Exception {
        transport.ok(records(job(9, "books", "RefreshPending", 0)));
        TriggerOutcome outcome = flow().run(request(OnActive.SKIP));
        assertThat(outcome).isEqualTo(new Skipped("books", JobId.of(9), SkipReason.ACTIVE, null));
        assertThat(transport.actions()).containsExactly("list");
        assertThat(events).containsExactly("skipped to 9");
    }

    @Test
    void waitWaitsForTheActiveJobThenTriggers() throws Exception {
        transport
                .ok(records(job(9, "books", "RefreshInProgress", 50)))
                .ok(job(9, "books", "RefreshInProgress", 80))
                .ok(job(9, "books", "RefreshCompleted", 100))
                .ok(records(job(9, "books", "RefreshCompleted", 100)))
                .ok("{\"jobId\":10}");
        TriggerOutcome outcome = flow().run(request(OnActive.WAIT));
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Triggered.class,
                        triggered -> assertThat(triggered.jobId()).isEqualTo(JobId.of(10)));
        assertThat(transport.actions()).containsExactly("list", "describe", "describe", "list", "refresh");
        assertThat(events).containsExactly("waiting for 9", "wait 9", "end 9", "triggered 10");
    }

    @Test
    void waitRunsOutOfTimeOnTheActiveJob() throws Exception {
        transport
                .ok(records(job(9, "books", "RefreshInProgress", 50)))
                .ok(job(9, "books", "RefreshInProgress", 60))
                .ok(job(9, "books", "RefreshInProgress", 70));
        TriggerOutcome outcome = flow(Duration.ofSeconds(2)).run(request(OnActive.WAIT));
        assertThat(outcome).isInstanceOfSatisfying(Blocked.class, blocked -> {
            assertThat(blocked.waited().outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(blocked.activeJob().progress()).as("as last seen").isEqualTo(70);
        });
        assertThat(transport.actions()).doesNotContain("refresh");
        assertThat(events).endsWith("end 9");
    }

    @Test
    void theServers703IsHandledLikeAnActiveJob() throws Exception {
        transport.ok(records()).error(703, DUPLICATE).ok(job(466073417512550401L, "books", "RefreshInProgress", 12));
        TriggerOutcome outcome = flow().run(request(OnActive.FAIL, true, false));
        assertThat(outcome).isInstanceOfSatisfying(Blocked.class, blocked -> {
            assertThat(blocked.activeJobId()).isEqualTo(JobId.of(466073417512550401L));
            assertThat(blocked.serverCode()).isEqualTo(703);
            assertThat(blocked.activeJob().progress()).isEqualTo(12);
        });
        assertThat(transport.actions()).containsExactly("list", "refresh", "describe");
    }

    @Test
    void a703NamingTheJobDescribesItOnlyForFailWhichShowsIt() throws Exception {
        transport.ok(records()).error(703, DUPLICATE);
        TriggerOutcome skipped = flow().run(request(OnActive.SKIP, true, false));
        assertThat(((Skipped) skipped).jobId()).isEqualTo(JobId.of(466073417512550401L));
        assertThat(transport.actions()).containsExactly("list", "refresh");
    }

    @Test
    void aCollectionWhoseLockCannotBeTakenFailsAloneAndTheOthersGoOn() throws Exception {
        // a directory where the lock file of events would be
        Files.createDirectories(locks.resolve(CollectionLocks.fileName("https://c.example", "default", "events")));
        transport.ok(records()).ok("{\"jobId\":6}");
        TriggerRequest books = request(OnActive.FAIL);
        List<TriggerOutcome> outcomes = flow().runAll(List.of(books, books.forCollection("events")));
        assertThat(((Triggered) outcomes.get(0)).jobId()).isEqualTo(JobId.of(6));
        assertThat(outcomes.get(1))
                .isInstanceOfSatisfying(
                        Failed.class, failed -> assertThat(failed.error()).isInstanceOf(IOException.class));
    }

    @Test
    void a703WithoutAnIdFindsTheJobByListing() throws Exception {
        transport.ok(records()).error(703, "task duplicates").ok(records(job(5, "books", "RefreshPending", 0)));
        TriggerOutcome outcome = flow().run(request(OnActive.FAIL));
        assertThat(((Blocked) outcome).activeJobId()).isEqualTo(JobId.of(5));
    }

    @Test
    void a703NamingNoJobWhileNoneIsListedBlocksAtOnceWithFailOrSkip() throws Exception {
        for (OnActive onActive : List.of(OnActive.FAIL, OnActive.SKIP)) {
            transport.ok(records()).error(703, "task duplicates").ok(records());
            TriggerOutcome outcome = flow().run(request(onActive));
            assertThat(outcome).isInstanceOfSatisfying(Blocked.class, blocked -> {
                assertThat(blocked.activeJobId()).isNull();
                assertThat(blocked.serverMessage()).isEqualTo("task duplicates");
            });
        }
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void a703NamingNoJobIsRetriedWithBackoffUntilTheTimeout() throws Exception {
        for (int i = 0; i < 5; i++) {
            transport.ok(records()).error(703, "task duplicates").ok(records());
        }
        TriggerOutcome outcome = flow(Duration.ofSeconds(10)).run(request(OnActive.WAIT));
        assertThat(outcome).isInstanceOfSatisfying(Blocked.class, blocked -> {
            assertThat(blocked.waited().outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(blocked.waited().jobId()).isNull();
        });
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(events).containsExactly("retrying in 2", "retrying in 4", "retrying in 8", "retrying in 16");
        assertThat(transport.actions()).filteredOn("refresh"::equals).hasSize(4);
    }

    @Test
    void a703NamingNoJobIsSentAgainUntilAccepted() throws Exception {
        transport.ok(records()).error(703, "task duplicates").ok(records());
        transport.ok(records()).ok("{\"jobId\":12}");
        TriggerOutcome outcome = flow().run(request(OnActive.WAIT));
        assertThat(outcome).isInstanceOf(Triggered.class);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void forceSkipsTheCheckButStillListsFirst() throws Exception {
        transport.ok(records(job(5, "books", "RefreshInProgress", 3))).ok("{\"jobId\":6}");
        assertThat(((Triggered) flow().run(request(OnActive.FAIL, true, false))).jobId())
                .isEqualTo(JobId.of(6));
        assertThat(transport.actions()).containsExactly("list", "refresh");
    }

    @Test
    void aLostAnswerIsRecoveredFromTheListWithoutResending() throws Exception {
        transport
                .ok(records(job(1, "books", "RefreshCompleted", 100)))
                .fail(new IOException("Connection reset"))
                .ok(records(job(2, "books", "RefreshPending", 0), job(1, "books", "RefreshCompleted", 100)));
        TriggerOutcome outcome = flow().run(request(OnActive.FAIL));
        assertThat(outcome).isInstanceOfSatisfying(Triggered.class, triggered -> {
            assertThat(triggered.foundAfterLostAnswer()).isTrue();
            assertThat(triggered.jobId()).isEqualTo(JobId.of(2));
            assertThat(triggered.data()).hasToString("{\"jobId\":2}");
        });
        assertThat(transport.actions()).containsExactly("list", "refresh", "list");
        assertThat(events).containsExactly("triggered 2 after a lost answer");
    }

    @Test
    void aLostAnswerWithoutANewJobFailsWithoutResending() throws Exception {
        transport
                .ok(records(job(1, "books", "RefreshCompleted", 100)))
                .reply(500, "application/json", "{\"code\":500}")
                .ok(records(job(1, "books", "RefreshCompleted", 100)));
        TriggerOutcome outcome = flow().run(request(OnActive.FAIL));
        assertThat(((Failed) outcome).error().getMessage())
                .contains("HTTP 500", "no new job was found", "the refresh was not sent again");
        assertThat(transport.actions()).containsExactly("list", "refresh", "list");
    }

    @Test
    void aRejectedRefreshIsNotFollowedByAList() throws Exception {
        transport.ok(records()).error(100, "collection not found[database=default][collection=books]");
        TriggerOutcome outcome = flow().run(request(OnActive.FAIL));
        assertThat(((ApiException) ((Failed) outcome).error()).serverCode()).contains(100);
        assertThat(transport.actions()).containsExactly("list", "refresh");
    }

    @Test
    void eachCollectionGoesItsOwnWay() throws Exception {
        transport
                .ok(records(job(1, "books", "RefreshCompleted", 100)))
                .ok("{\"jobId\":10}")
                .ok(records(job(20, "events", "RefreshInProgress", 42)))
                .error(100, "collection not found[database=default][collection=ghost]")
                .ok(records())
                .ok("{\"jobId\":30}");
        TriggerRequest books = request(OnActive.FAIL);
        List<TriggerOutcome> outcomes = flow().runAll(List.of(
                books, books.forCollection("events"), books.forCollection("ghost"), books.forCollection("movies")));
        assertThat(outcomes)
                .extracting(TriggerOutcome::collection)
                .containsExactly("books", "events", "ghost", "movies");
        assertThat(outcomes.get(0)).isInstanceOf(Triggered.class);
        assertThat(((Blocked) outcomes.get(1)).activeJobId()).isEqualTo(JobId.of(20));
        assertThat(((ApiException) ((Failed) outcomes.get(2)).error()).serverCode())
                .contains(100);
        assertThat(((Triggered) outcomes.get(3)).jobId())
                .as("a failure before it does not stop a collection")
                .isEqualTo(JobId.of(30));
        assertThat(transport.actions()).containsExactly("list", "refresh", "list", "list", "list", "refresh");
    }

    @Test
    void withWaitAllJobsAreFollowedAtOnce() throws Exception {
        transport
                .ok(records())
                .ok("{\"jobId\":10}")
                .ok(records())
                .ok("{\"jobId\":11}")
                .ok(job(10, "books", "RefreshInProgress", 10))
                .ok(job(11, "events", "RefreshInProgress", 10))
                .ok(job(10, "books", "RefreshCompleted", 100))
                .ok(job(11, "events", "RefreshInProgress", 50))
                .ok(job(11, "events", "RefreshFailed", 50));
        TriggerRequest books = request(OnActive.FAIL, false, true);
        List<TriggerOutcome> outcomes = flow().runAll(List.of(books, books.forCollection("events")));
        assertThat(((Triggered) outcomes.get(0)).waited().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(((Triggered) outcomes.get(1)).waited().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(describedIds()).containsExactly(10L, 11L, 10L, 11L, 11L);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void onActiveWaitWaitsForSeveralActiveJobsAtOnceAndTriggersEachWhenItsJobEnds() throws Exception {
        transport
                .ok(records(job(9, "books", "RefreshInProgress", 50)))
                .ok(records(job(19, "events", "RefreshInProgress", 10)))
                .ok(job(9, "books", "RefreshInProgress", 60))
                .ok(job(19, "events", "RefreshInProgress", 20))
                .ok(job(9, "books", "RefreshCompleted", 100))
                .ok(job(19, "events", "RefreshInProgress", 30))
                .ok(records(job(9, "books", "RefreshCompleted", 100)))
                .ok("{\"jobId\":10}")
                .ok(job(19, "events", "RefreshCompleted", 100))
                .ok(records(job(19, "events", "RefreshCompleted", 100)))
                .ok("{\"jobId\":20}");
        TriggerRequest books = request(OnActive.WAIT);
        List<TriggerOutcome> outcomes = flow().runAll(List.of(books, books.forCollection("events")));
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Triggered.class));
        assertThat(transport.actions())
                .containsExactly(
                        "list",
                        "list",
                        "describe",
                        "describe",
                        "describe",
                        "describe",
                        "list",
                        "refresh",
                        "describe",
                        "list",
                        "refresh");
        assertThat(events)
                .startsWith("waiting for 9", "wait 9", "waiting for 19", "wait 19")
                .as("books is refreshed as soon as its job ends, while events still waits")
                .containsSubsequence("end 9", "triggered 10", "end 19", "triggered 20");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void aDuplicateOfSeveralCollectionsWaitsOnlyForItsOwn() throws Exception {
        transport
                .ok(records(job(9, "books", "RefreshInProgress", 50)))
                .ok(records())
                .ok("{\"jobId\":20}")
                .ok(job(9, "books", "RefreshInProgress", 60))
                .ok(job(9, "books", "RefreshInProgress", 70));
        TriggerRequest books = request(OnActive.WAIT);
        List<TriggerOutcome> outcomes =
                flow(Duration.ofSeconds(2)).runAll(List.of(books, books.forCollection("events")));
        assertThat(((Blocked) outcomes.get(0)).waited().outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(((Triggered) outcomes.get(1)).jobId()).isEqualTo(JobId.of(20));
    }

    @Test
    void anInterruptionSaysWhatKeepsRunningForEachCollection() throws Exception {
        transport
                .ok(records(job(9, "books", "RefreshInProgress", 50)))
                .ok(records())
                .ok("{\"jobId\":20}");
        Transport interruptedAtTheFirstPoll = (uri, headers, body, timeout) -> {
            if (transport.sent.size() == 3) {
                throw new InterruptedException();
            }
            return transport.post(uri, headers, body, timeout);
        };
        TriggerRequest books = request(OnActive.WAIT, false, true);
        assertThatThrownBy(() ->
                        flow(interruptedAtTheFirstPoll, null).runAll(List.of(books, books.forCollection("events"))))
                .isInstanceOf(InterruptedException.class)
                .hasMessage("no refresh of books was sent; job 9 keeps running on the server. Follow it with: zrefresh"
                        + " wait --job-id 9; job 20 keeps running on the server. Follow it with: zrefresh wait --job-id"
                        + " 20");
        assertThat(events).endsWith("end 9", "end 20");
    }

    @Test
    void aRecentRefreshIsNotRepeated() throws Exception {
        transport.ok(records(completed(2, Duration.ofMinutes(12)), completed(1, Duration.ofHours(3))));
        TriggerOutcome outcome = flow().run(ifOlderThan(Duration.ofHours(1), false, false));
        assertThat(outcome).isInstanceOfSatisfying(Skipped.class, skipped -> {
            assertThat(skipped.jobId()).isEqualTo(JobId.of(2));
            assertThat(skipped.reason()).isInstanceOfSatisfying(SkipReason.Fresh.class, fresh -> {
                assertThat(fresh.age()).isEqualTo(Duration.ofMinutes(12));
                assertThat(fresh.limit()).isEqualTo(Duration.ofHours(1));
            });
            assertThat(skipped.waited()).isNull();
        });
        assertThat(transport.actions()).as("the guard's own list, nothing more").containsExactly("list");
        assertThat(events).containsExactly("skipped to 2");
    }

    @Test
    void theNewestCompletedRefreshIsTheOneThatEndedLast() throws Exception {
        transport.ok(records(
                completed(3, Duration.ofHours(3)),
                job(4, "books", "RefreshCompleted", 100),
                failed(5, "books", "x"),
                completed(2, Duration.ofMinutes(30))));
        TriggerOutcome outcome = flow().run(ifOlderThan(Duration.ofHours(1), false, false));
        assertThat(((Skipped) outcome).jobId())
                .as("not the first listed, not one without an end time, not a failed one")
                .isEqualTo(JobId.of(2));
    }

    @Test
    void anOlderRefreshOrNoneAtAllMeansARefresh() throws Exception {
        transport.ok(records(completed(2, Duration.ofHours(2)))).ok("{\"jobId\":3}");
        assertThat(flow().run(ifOlderThan(Duration.ofHours(1), false, false))).isInstanceOf(Triggered.class);
        transport.ok(records(job(4, "books", "RefreshCompleted", 100))).ok("{\"jobId\":5}");
        assertThat(flow().run(ifOlderThan(Duration.ofHours(1), false, false)))
                .as("a completed job without an end time does not count")
                .isInstanceOf(Triggered.class);
    }

    @Test
    void anActiveJobComesBeforeFreshness() throws Exception {
        transport.ok(records(job(9, "books", "RefreshInProgress", 5), completed(2, Duration.ofMinutes(5))));
        assertThat(flow().run(ifOlderThan(Duration.ofHours(1), false, false))).isInstanceOf(Blocked.class);
    }

    @Test
    void forceSkipsTheActiveCheckButNotTheFreshnessCheck() throws Exception {
        transport.ok(records(job(9, "books", "RefreshInProgress", 5), completed(2, Duration.ofMinutes(5))));
        TriggerOutcome outcome = flow().run(ifOlderThan(Duration.ofHours(1), true, false));
        assertThat(((Skipped) outcome).jobId()).isEqualTo(JobId.of(2));
        assertThat(transport.actions()).containsExactly("list");
    }

    @Test
    void withWaitARecentRefreshIsTheResultAsListed() throws Exception {
        transport.ok(records(completed(2, Duration.ofMinutes(5))));
        TriggerOutcome outcome = flow().run(ifOlderThan(Duration.ofHours(1), false, true));
        WaitResult waited = ((Skipped) outcome).waited();
        assertThat(waited.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(waited.job().id()).isEqualTo(JobId.of(2));
        assertThat(transport.actions()).containsExactly("list");
    }

    @Test
    void aFailedCheckBeforeTriggeringSaysSoEvenWithForce() throws Exception {
        for (boolean force : List.of(false, true)) {
            transport.error(100, "collection not found[database=default][collection=books]");
            TriggerOutcome outcome = flow().run(request(OnActive.FAIL, force, false));
            assertThat(((Failed) outcome).error().getMessage())
                    .as("--force %s", force)
                    .isEqualTo("Cannot check the refresh jobs of books before triggering: "
                            + "collection not found[database=default][collection=books] (server code 100)");
        }
        assertThat(transport.actions()).containsExactly("list", "list");
    }
}
