package io.zrefresh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.job.JobList;
import io.zrefresh.support.FakeTime;
import io.zrefresh.support.ScriptedTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshApiTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final FakeTime time = new FakeTime();

    private RefreshApi api(String endpoint, int attempts) {
        ClientSettings settings =
                new ClientSettings(URI.create(endpoint), "secret-key", Duration.ofSeconds(60), "zrefresh/test", null);
        return new RefreshApi(settings, transport, new RetryPolicy(attempts, () -> 0.5), time, time);
    }

    private RefreshApi api() {
        return api("https://cluster.example:19530", 3);
    }

    @Test
    void sendsMinimalBodiesWithTheContractsHeaders() throws Exception {
        transport.ok("{\"jobId\":466073417512550401}").ok("{\"records\":[]}").ok("{\"records\":[]}");
        api().trigger("default", "books", null, null);
        api().list("db1", null);
        api().list("db1", "books");

        assertThat(transport.sent.get(0).uri())
                .hasToString("https://cluster.example:19530/v2/vectordb/jobs/external_collection/refresh");
        assertThat(transport.sent.get(0).body()).isEqualTo("{\"dbName\":\"default\",\"collectionName\":\"books\"}");
        assertThat(transport.sent.get(1).body()).isEqualTo("{\"dbName\":\"db1\"}");
        assertThat(transport.sent.get(2).body()).isEqualTo("{\"dbName\":\"db1\",\"collectionName\":\"books\"}");
        assertThat(transport.sent.get(0).headers())
                .containsEntry("Authorization", "Bearer secret-key")
                .containsEntry("Content-Type", "application/json")
                .containsEntry("User-Agent", "zrefresh/test");
    }

    @Test
    void sendsSourceAndSpecOnlyWhenGiven() throws Exception {
        transport.ok("{\"jobId\":1}");
        api().trigger("default", "books", "s3://b/p/", "{\"format\":\"parquet\"}");
        assertThat(transport.sent.get(0).body())
                .isEqualTo(
                        "{\"dbName\":\"default\",\"collectionName\":\"books\",\"externalSource\":\"s3://b/p/\",\"externalSpec\":\"{\\\"format\\\":\\\"parquet\\\"}\"}");
    }

    @Test
    void jobIdsTravelExactlyBothWays() throws Exception {
        transport.ok("{\"jobId\":466073417512550401,\"state\":\"RefreshPending\",\"extra\":{\"x\":1}}");
        Job job = api().describe(JobId.parse("466073417512550401"));
        assertThat(transport.sent.get(0).body()).isEqualTo("{\"jobId\":466073417512550401}");
        assertThat(job.id()).hasToString("466073417512550401");
        assertThat(job.node().get("extra").get("x").asInt()).isEqualTo(1);
    }

    @Test
    void endpointPrefixAndTrailingSlashAreHandled() throws Exception {
        transport.ok("{\"records\":[]}").ok("{\"records\":[]}");
        api("https://gw.example/prefix/", 1).list("default", null);
        api("https://gw.example/prefix", 1).list("default", null);
        assertThat(transport.sent)
                .extracting(s -> s.uri().toString())
                .containsOnly("https://gw.example/prefix/v2/vectordb/jobs/external_collection/list");
    }

    @Test
    void businessErrorsCarryTheServersCodeAndMessage() {
        transport.error(100, "collection not found[database=default][collection=nope]");
        ApiException error = catchThrowableOfType(ApiException.class, () -> api().list("default", "nope"));
        assertThat(error.kind()).isEqualTo(ApiException.Kind.SERVER);
        assertThat(error.serverCode()).contains(100);
        assertThat(error.getMessage())
                .isEqualTo("Cannot list refresh jobs of nope: "
                        + "collection not found[database=default][collection=nope] (server code 100)");
        assertThat(transport.sent).hasSize(1);
    }

    @Test
    void unauthenticatedIsAnAuthError() {
        transport.reply(401, "application/json", "{\"code\":1800,\"message\":\"user hasn't authenticated\"}");
        ApiException error = catchThrowableOfType(ApiException.class, () -> api().describe(JobId.of(5)));
        assertThat(error.kind()).isEqualTo(ApiException.Kind.AUTH);
        assertThat(error.getMessage()).contains("authentication failed", "HTTP 401", "1800", "ZILLIZ_API_KEY");
    }

    @Test
    void plainTextNotFoundMeansAnOldDataPlane() {
        transport.reply(404, "text/plain; charset=utf-8", "404 page not found");
        ApiException error = catchThrowableOfType(ApiException.class, () -> api().list("default", null));
        assertThat(error.kind()).isEqualTo(ApiException.Kind.SERVER);
        assertThat(error.getMessage()).contains("HTTP 404", "404 page not found", "upgrade the cluster");
        assertThat(transport.sent).hasSize(1);
    }

    @Test
    void htmlPagesAreNamedByStatusTypeAndBodyStart() {
        String page = "<html><body><h1>502 Bad Gateway</h1>" + "x".repeat(400) + "</body></html>";
        transport.reply(502, "text/html", page).reply(502, "text/html", page).reply(502, "text/html", page);
        ApiException error = catchThrowableOfType(ApiException.class, () -> api().describe(JobId.of(5)));
        assertThat(error.getMessage())
                .contains("HTTP 502", "text/html", "<html><body><h1>502 Bad Gateway</h1>", "after 3 attempts")
                .doesNotContain("x".repeat(200));
        assertThat(transport.sent).hasSize(3);
    }

    @Test
    void truncatedJsonIsNotAnEnvelope() {
        transport.reply(200, "application/json", "{\"code\":0,\"data\":{\"jobId\":4660734");
        ApiException error =
                catchThrowableOfType(ApiException.class, () -> api().trigger("default", "books", null, null));
        assertThat(error.getMessage())
                .contains(
                        "HTTP 200",
                        "application/json",
                        "that is not the API's JSON",
                        "{\"code\":0,\"data\":{\"jobId\":4660734");
        assertThat(error.delivery()).isEqualTo(ApiException.Delivery.UNKNOWN);
    }

    @Test
    void describeAndListAreRetriedWithBackoffAndRetryAfter() throws Exception {
        transport
                .reply(503, "text/plain", "busy", "Retry-After", "7")
                .error(1807, "request is rejected by limiter, rate exceeded")
                .ok("{\"records\":[]}");
        JobList list = api().list("default", null);
        assertThat(list.records()).isEmpty();
        assertThat(transport.sent).hasSize(3);
        assertThat(time.sleeps.get(0)).isEqualTo(Duration.ofSeconds(7));
        assertThat(time.sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void retriesStopAtTheConfiguredAttempts() {
        transport.fail(new IOException("Connection reset")).fail(new IOException("Connection reset"));
        ApiException error = catchThrowableOfType(
                ApiException.class, () -> api("https://c.example", 2).describe(JobId.of(9)));
        assertThat(error.kind()).isEqualTo(ApiException.Kind.NETWORK);
        assertThat(error.getMessage()).contains("Connection reset", "after 2 attempts");
        assertThat(transport.sent).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanAMinuteEndsTheRetries() {
        transport.reply(429, "text/plain", "slow down", "Retry-After", "3600");
        ApiException error = catchThrowableOfType(ApiException.class, () -> api().list("default", null));
        assertThat(error.httpStatus()).isEqualTo(429);
        assertThat(transport.sent).hasSize(1);
    }

    @Test
    void aRefreshIsNotRepeatedWhenItMayHaveArrived() {
        transport.fail(new HttpTimeoutException("request timed out"));
        ApiException error =
                catchThrowableOfType(ApiException.class, () -> api().trigger("default", "books", null, null));
        assertThat(error.delivery()).isEqualTo(ApiException.Delivery.UNKNOWN);
        assertThat(error.getMessage()).contains("no answer from cluster.example:19530 within 1m");
        assertThat(transport.sent).hasSize(1);

        ScriptedTransport second = new ScriptedTransport();
        second.reply(503, "text/html", "<html>down</html>");
        ClientSettings settings =
                new ClientSettings(URI.create("https://c.example"), "k", Duration.ofSeconds(1), "ua", null);
        RefreshApi other = new RefreshApi(settings, second, new RetryPolicy(3, () -> 0), time, time);
        catchThrowableOfType(ApiException.class, () -> other.trigger("default", "books", null, null));
        assertThat(second.sent).hasSize(1);
    }

    @Test
    void aRefreshIsRepeatedWhenItSurelyDidNotArrive() throws Exception {
        transport
                .fail(new ConnectException("Connection refused"))
                .error(1807, "request is rejected by limiter")
                .ok("{\"jobId\":42}");
        assertThat(api().trigger("default", "books", null, null).get("jobId").asLong())
                .isEqualTo(42);
        assertThat(transport.sent).hasSize(3);
    }

    @Test
    void connectionRefusedIsANetworkErrorNamingTheHost() {
        for (int i = 0; i < 3; i++) {
            transport.fail(new ConnectException());
        }
        ApiException error = catchThrowableOfType(ApiException.class, () -> api().list("default", null));
        assertThat(error.kind()).isEqualTo(ApiException.Kind.NETWORK);
        assertThat(error.getMessage())
                .isEqualTo(
                        "Cannot list refresh jobs: could not connect to cluster.example:19530 (connection refused) (after 3 attempts)");
    }

    /** An API whose --debug trace goes to {@code trace}; one attempt per call. */
    private RefreshApi tracing(ByteArrayOutputStream trace) {
        ClientSettings settings = new ClientSettings(
                URI.create("https://c.example"),
                "very-secret",
                Duration.ofSeconds(1),
                "ua",
                new PrintStream(trace, true, StandardCharsets.UTF_8));
        return new RefreshApi(settings, transport, new RetryPolicy(1, () -> 0), time, time);
    }

    @Test
    void theDebugTraceMasksTheKey() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        transport.ok("{\"records\":[]}");
        tracing(trace).list("default", null);
        assertThat(trace.toString(StandardCharsets.UTF_8))
                .contains(
                        "> POST https://c.example/v2/vectordb/jobs/external_collection/list",
                        "Bearer ***",
                        "< HTTP 200")
                .doesNotContain("very-secret");
    }

    @Test
    void theDebugTraceMasksTheSecretsOfTheSpecButSendsThemAsGiven() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        transport.ok("{\"jobId\":1}");
        String spec = "{\"format\":\"parquet\",\"columns\":[\"token_count\"],\"extfs\":{\"cloud_provider\":\"aws\","
                + "\"access_key_id\":\"AKIAEXAMPLE\",\"secret_access_key\":\"s3cr3t-value\",\"session_token\":\"tok-value\","
                + "\"nested\":{\"Password\":\"pw-value\",\"api_key\":{\"v\":\"key-value\"}}}}";
        tracing(trace).trigger("default", "books", "s3://b/p/", spec);

        String shown = trace.toString(StandardCharsets.UTF_8);
        assertThat(shown)
                .contains(
                        "\\\"secret_access_key\\\":\\\"***\\\"",
                        "\\\"session_token\\\":\\\"***\\\"",
                        "\\\"Password\\\":\\\"***\\\"",
                        "\\\"api_key\\\":\\\"***\\\"",
                        "\\\"access_key_id\\\":\\\"AKIAEXAMPLE\\\"",
                        "\\\"columns\\\":[\\\"token_count\\\"]")
                .doesNotContain("s3cr3t-value", "tok-value", "pw-value", "key-value");
        assertThat(transport.sent.get(0).json().get("externalSpec").asText()).isEqualTo(spec);
    }

    @Test
    void aRedirectIsRefusedSayingWhereItPointed() {
        transport.reply(
                301,
                "text/html",
                "<html>Moved</html>",
                "Location",
                "https://new.example/v2/vectordb/jobs/external_collection/list");
        ApiException error = catchThrowableOfType(ApiException.class, () -> api().list("default", null));
        assertThat(error.kind()).isEqualTo(ApiException.Kind.SERVER);
        assertThat(error.getMessage())
                .isEqualTo("Cannot list refresh jobs: the server answered with a redirect (HTTP 301) to"
                        + " https://new.example/v2/vectordb/jobs/external_collection/list; zrefresh does not follow"
                        + " redirects, so that the API key goes nowhere else: if that is the right server, make it the"
                        + " endpoint");
        assertThat(transport.sent).as("not retried").hasSize(1);
    }

    @Test
    void anAnswerLongerThanTheCapIsAServerErrorReportedOnce() {
        transport.fail(new AnswerTooLargeException(64L << 20, 200));
        ApiException error = catchThrowableOfType(ApiException.class, () -> api().list("default", null));
        assertThat(error.kind()).isEqualTo(ApiException.Kind.SERVER);
        assertThat(error.getMessage())
                .startsWith("Cannot list refresh jobs: the server's answer (HTTP 200) is longer than 64 MiB, the most"
                        + " zrefresh reads");
        assertThat(transport.sent).as("not retried").hasSize(1);
    }
}
