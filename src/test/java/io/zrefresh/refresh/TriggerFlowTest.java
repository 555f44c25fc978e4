package io.zrefresh.refresh;

import static io.zrefresh.support.Jobs.job;
import static io.zrefresh.support.Jobs.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zrefresh.api.ApiException;
import io.zrefresh.api.ClientSettings;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.api.RetryPolicy;
import io.zrefresh.job.JobId;
import io.zrefresh.support.FakeTime;
import io.zrefresh.support.ScriptedTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private final List<String> notices = new ArrayList<>();

    private TriggerFlow flow() {
        RefreshApi api = new RefreshApi(
                new ClientSettings(URI.create("https://c.example"), "k", Duration.ofSeconds(5), "ua", null),
                transport,
                new RetryPolicy(3, () -> 0),
                time,
                time);
        JobWaiter waiter = new JobWaiter(api, time, time, Duration.ofSeconds(2));
        return new TriggerFlow(
                api,
                waiter,
                new CollectionLocks(locks),
                time,
                Duration.ofSeconds(2),
                (job, waited) -> {},
                notices::add);
    }

    private static TriggerRequest request(OnActive onActive, boolean force) {
        return new TriggerRequest("https://c.example", "default", "books", null, null, onActive, force, null);
    }

    @Test
    void noActiveJobMeansOneRefresh() throws Exception {
        transport.ok(records(job(1, "books", "RefreshCompleted", 100))).ok("{\"jobId\":466073417512550402}");
        TriggerResult result = flow().run(request(OnActive.FAIL, false));
        assertThat(result).isInstanceOf(TriggerResult.Started.class);
        assertThat(result.jobId()).hasToString("466073417512550402");
        assertThat(transport.actions()).containsExactly("list", "refresh");
    }

    @Test
    void anActiveJobBlocksTheRefreshByDefault() {
        transport.ok(records(job(466073417512550401L, "books", "RefreshInProgress", 42)));
        ActiveJobException blocked =
                catchThrowableOfType(ActiveJobException.class, () -> flow().run(request(OnActive.FAIL, false)));
        assertThat(blocked.activeJobId()).contains(JobId.of(466073417512550401L));
        assertThat(blocked.serverCode()).isEmpty();
        assertThat(blocked.getMessage())
                .contains(
                        "job 466073417512550401 is RefreshInProgress at 42%",
                        "zrefresh wait --job-id 466073417512550401");
        assertThat(transport.actions()).containsExactly("list");
    }

    @Test
    void skipReportsTheActiveJobAndSendsNothing() throws Exception {
        transport.ok(records(job(9, "books", "RefreshPending", 0)));
        TriggerResult result = flow().run(request(OnActive.SKIP, false));
        assertThat(result).isEqualTo(new TriggerResult.Skipped(JobId.of(9)));
        assertThat(transport.actions()).containsExactly("list");
    }

    @Test
    void waitWaitsForTheActiveJobThenTriggers() throws Exception {
        transport
                .ok(records(job(9, "books", "RefreshInProgress", 50)))
                .ok(job(9, "books", "RefreshInProgress", 80))
                .ok(job(9, "books", "RefreshCompleted", 100))
                .ok(records(job(9, "books", "RefreshCompleted", 100)))
                .ok("{\"jobId\":10}");
        TriggerResult result = flow().run(request(OnActive.WAIT, false));
        assertThat(result.jobId()).isEqualTo(JobId.of(10));
        assertThat(transport.actions()).containsExactly("list", "describe", "describe", "list", "refresh");
        assertThat(notices).singleElement().asString().contains("waiting for it to end");
    }

    @Test
    void waitRunsOutOfTimeOnTheActiveJob() throws Exception {
        transport
                .ok(records(job(9, "books", "RefreshInProgress", 50)))
                .ok(job(9, "books", "RefreshInProgress", 60))
                .ok(job(9, "books", "RefreshInProgress", 70));
        TriggerRequest request = new TriggerRequest(
                "https://c.example",
                "default",
                "books",
                null,
                null,
                OnActive.WAIT,
                false,
                time.instant().plusSeconds(2));
        TriggerResult result = flow().run(request);
        assertThat(result).isInstanceOf(TriggerResult.StillActive.class);
        assertThat(((TriggerResult.StillActive) result).lastSeen().job().progress())
                .isEqualTo(70);
        assertThat(transport.actions()).doesNotContain("refresh");
    }

    @Test
    void theServers703IsHandledLikeAnActiveJob() {
        transport.ok(records()).error(703, DUPLICATE).ok(job(466073417512550401L, "books", "RefreshInProgress", 12));
        ActiveJobException blocked =
                catchThrowableOfType(ActiveJobException.class, () -> flow().run(request(OnActive.FAIL, true)));
        assertThat(blocked.activeJobId()).contains(JobId.of(466073417512550401L));
        assertThat(blocked.serverCode()).contains(703);
        assertThat(blocked.getMessage()).contains("RefreshInProgress at 12%");
        assertThat(transport.actions()).containsExactly("list", "refresh", "describe");
    }

    @Test
    void a703WithoutAnIdFindsTheJobByListing() {
        transport.ok(records()).error(703, "task duplicates").ok(records(job(5, "books", "RefreshPending", 0)));
        ActiveJobException blocked =
                catchThrowableOfType(ActiveJobException.class, () -> flow().run(request(OnActive.FAIL, false)));
        assertThat(blocked.activeJobId()).contains(JobId.of(5));
    }

    @Test
    void forceSkipsTheCheckButStillListsFirst() throws Exception {
        transport.ok(records(job(5, "books", "RefreshInProgress", 3))).ok("{\"jobId\":6}");
        assertThat(flow().run(request(OnActive.FAIL, true)).jobId()).isEqualTo(JobId.of(6));
        assertThat(transport.actions()).containsExactly("list", "refresh");
    }

    @Test
    void aLostAnswerIsRecoveredFromTheListWithoutResending() throws Exception {
        transport
                .ok(records(job(1, "books", "RefreshCompleted", 100)))
                .fail(new IOException("Connection reset"))
                .ok(records(job(2, "books", "RefreshPending", 0), job(1, "books", "RefreshCompleted", 100)));
        TriggerResult result = flow().run(request(OnActive.FAIL, false));
        assertThat(result).isInstanceOf(TriggerResult.Started.class);
        assertThat(((TriggerResult.Started) result).foundAfterLostAnswer()).isTrue();
        assertThat(result.jobId()).isEqualTo(JobId.of(2));
        assertThat(transport.actions()).containsExactly("list", "refresh", "list");
        assertThat(notices).singleElement().asString().contains("answer to the refresh was lost", "job 2 was created");
    }

    @Test
    void aLostAnswerWithoutANewJobFailsWithoutResending() {
        transport
                .ok(records(job(1, "books", "RefreshCompleted", 100)))
                .reply(500, "application/json", "{\"code\":500}")
                .ok(records(job(1, "books", "RefreshCompleted", 100)));
        ApiException error = catchThrowableOfType(ApiException.class, () -> flow().run(request(OnActive.FAIL, false)));
        assertThat(error.getMessage()).contains("HTTP 500", "no new job was found", "the refresh was not sent again");
        assertThat(transport.actions()).containsExactly("list", "refresh", "list");
    }

    @Test
    void aRejectedRefreshIsNotFollowedByAList() {
        transport.ok(records()).error(100, "collection not found[database=default][collection=books]");
        ApiException error = catchThrowableOfType(ApiException.class, () -> flow().run(request(OnActive.FAIL, false)));
        assertThat(error.serverCode()).contains(100);
        assertThat(transport.actions()).containsExactly("list", "refresh");
    }
}
