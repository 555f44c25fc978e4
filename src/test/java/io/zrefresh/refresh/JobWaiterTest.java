package io.zrefresh.refresh;

import static io.zrefresh.support.Jobs.failed;
import static io.zrefresh.support.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrefresh.api.ClientSettings;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.api.RetryPolicy;
import io.zrefresh.job.JobId;
import io.zrefresh.support.FakeTime;
import io.zrefresh.support.ScriptedTransport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobWaiterTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final FakeTime time = new FakeTime();
    private final RefreshApi api = new RefreshApi(
            new ClientSettings(URI.create("https://c.example"), "k", Duration.ofSeconds(5), "ua", null),
            transport,
            new RetryPolicy(3, () -> 0),
            time,
            time);
    private final List<String> seen = new ArrayList<>();

    private JobWaiter waiter(Duration interval) {
        return new JobWaiter(api, time, time, interval);
    }

    @Test
    void pollsAtTheIntervalUntilTheJobCompletes() throws Exception {
        transport
                .ok(job(7, "c", "RefreshPending", 0))
                .ok(job(7, "c", "RefreshInProgress", 50))
                .ok(job(7, "c", "RefreshCompleted", 100));
        WaitResult result = waiter(Duration.ofSeconds(2))
                .await(JobId.of(7), null, (job, waited) -> seen.add(job.stateName() + "@" + waited.toSeconds()));
        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.COMPLETED);
        assertThat(result.job().progress()).isEqualTo(100);
        assertThat(seen).containsExactly("RefreshPending@0", "RefreshInProgress@2", "RefreshCompleted@4");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(transport.actions()).containsOnly("describe");
    }

    @Test
    void aFailedJobEndsTheWaitWithItsReason() throws Exception {
        transport.ok(failed(7, "c", "no files found"));
        WaitResult result = waiter(Duration.ofSeconds(2)).await(JobId.of(7), null, (job, waited) -> {});
        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.FAILED);
        assertThat(result.job().reason()).isEqualTo("no files found");
    }

    @Test
    void theDeadlineEndsTheWaitWithTheJobAsLastSeen() throws Exception {
        for (int i = 0; i < 4; i++) {
            transport.ok(job(7, "c", "RefreshInProgress", 10 * i));
        }
        WaitResult result =
                waiter(Duration.ofSeconds(2)).await(JobId.of(7), time.instant().plusSeconds(5), (job, waited) -> {});
        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
        assertThat(result.job().progress()).isEqualTo(30);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @Test
    void intervalsBelowTheMinimumAreRefused() {
        assertThatThrownBy(() -> waiter(Duration.ofMillis(499))).isInstanceOf(IllegalArgumentException.class);
    }
}
