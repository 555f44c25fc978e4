package io.zrefresh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zrefresh.support.FakeTime;
import io.zrefresh.support.ScriptedTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server's X-Milvus-Trace-Id in errors and the --debug trace, and the pipeline's traceparent sent along. */
class TraceIdsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final FakeTime time = new FakeTime();
    private final ByteArrayOutputStream trace = new ByteArrayOutputStream();

    private RefreshApi api(String traceparent, int attempts) {
        ClientSettings settings = new ClientSettings(
                URI.create("https://c.example"),
                "k",
                Duration.ofSeconds(5),
                "ua",
                new PrintStream(trace, true, StandardCharsets.UTF_8),
                traceparent);
        return new RefreshApi(settings, transport, new RetryPolicy(attempts, () -> 0), time, time);
    }

    @Test
    void anErrorCarriesTheTraceIdOfItsAnswer() {
        transport.reply(
                200,
                "application/json",
                "{\"code\":100,\"message\":\"collection not found[database=default][collection=x]\"}",
                "X-Milvus-Trace-Id",
                TRACE);
        ApiException error =
                catchThrowableOfType(ApiException.class, () -> api(null, 1).list("default", "x"));
        assertThat(error.traceId()).contains(TRACE);
        assertThat(error.getMessage())
                .isEqualTo("Cannot list refresh jobs of x: collection not found[database=default][collection=x]"
                        + " (server code 100) (trace id " + TRACE + ")");
        assertThat(error.withMessage("other").traceId())
                .as("kept when the message is told again")
                .contains(TRACE);
    }

    @Test
    void theLastAttemptsTraceIdIsTheOneTold() {
        transport
                .reply(503, "text/html", "<html>busy</html>", "X-Milvus-Trace-Id", "first")
                .reply(503, "text/html", "<html>busy</html>", "X-Milvus-Trace-Id", "second");
        ApiException error =
                catchThrowableOfType(ApiException.class, () -> api(null, 2).list("default", null));
        assertThat(error.traceId()).contains("second");
    }

    @Test
    void anAnswerWithoutATraceIdOrWithAnUnprintableOneAddsNothing() {
        transport
                .reply(503, "text/html", "<html>proxy</html>")
                .reply(200, "application/json", "{\"code\":100,\"message\":\"m\"}", "X-Milvus-Trace-Id", "a\u001b[2Jb");
        ApiException proxy =
                catchThrowableOfType(ApiException.class, () -> api(null, 1).list("default", null));
        assertThat(proxy.traceId()).isEmpty();
        assertThat(proxy.getMessage()).doesNotContain("trace id");
        ApiException forged =
                catchThrowableOfType(ApiException.class, () -> api(null, 1).list("default", null));
        assertThat(forged.traceId()).isEmpty();
    }

    @Test
    void theDebugTraceShowsEachExchangesTraceId() throws Exception {
        transport.reply(200, "application/json", "{\"code\":0,\"data\":{\"records\":[]}}", "X-Milvus-Trace-Id", TRACE);
        api(null, 1).list("default", null);
        assertThat(trace.toString(StandardCharsets.UTF_8)).contains("< HTTP 200 (0 ms, trace id " + TRACE + ")");
    }

    @Test
    void theTraceparentIsSentWhenGivenAndOnlyThen() throws Exception {
        transport.ok("{\"records\":[]}").ok("{\"records\":[]}");
        api(TRACEPARENT, 1).list("default", null);
        api(null, 1).list("default", null);
        assertThat(transport.sent.get(0).headers()).containsEntry("traceparent", TRACEPARENT);
        assertThat(transport.sent.get(1).headers()).doesNotContainKey("traceparent");
    }
}
