package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.devserver.ApiClient.Answer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The newer server's answers: a trace id on each, and the opt-in standard HTTP statuses of business errors. */
class TraceAndStatusTest extends DevServerTestCase {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACE = "X-Milvus-Trace-Id";

    @Test
    void everyAnswerOfTheServerNamesAFreshTraceId() throws Exception {
        server.faults().add(Fault.rateLimited().on(Endpoint.DESCRIBE));
        Answer[] answers = {
            client.refresh("{\"collectionName\":\"ext_books\"}"),
            client.describe(1),
            client.describe(1),
            client.list("{\"collectionName\":\"missing\"}"),
            new ApiClient(server, null).list("{}"),
        };

        for (Answer answer : answers) {
            assertThat(traceId(answer))
                    .as(answer.body())
                    .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        }
        assertThat(answers).extracting(answer -> traceId(answer).orElseThrow()).doesNotHaveDuplicates();
    }

    @Test
    void theTraceOfAnIncomingTraceparentIsContinued() throws Exception {
        Answer answer =
                client.post(Endpoint.LIST.path(), "{}", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        assertThat(traceId(answer)).hasValue(TRACE_ID);
    }

    @Test
    void anInvalidTraceparentGetsAFreshTrace() throws Exception {
        String[] invalid = {
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-0000000000000000-01",
            "00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01",
            "garbage",
        };
        for (String traceparent : invalid) {
            Answer answer = client.post(Endpoint.LIST.path(), "{}", "traceparent", traceparent);

            assertThat(traceId(answer))
                    .as(traceparent)
                    .hasValueSatisfying(id -> assertThat(id)
                            .matches("[0-9a-f]{32}")
                            .isNotEqualTo(TRACE_ID)
                            .isNotEqualTo("0".repeat(32)));
        }
    }

    @Test
    void proxiesAndTheRouterNameNoTrace() throws Exception {
        server.faults().add(Fault.httpStatus(502, "text/html", "<html>bad gateway</html>"));
        server.faults().add(Fault.oldDataPlane());

        assertThat(traceId(client.list("{}"))).isEmpty();
        assertThat(traceId(client.list("{}"))).isEmpty();
        assertThat(traceId(client.get("/v2/vectordb/jobs/external_collection/progress")))
                .isEmpty();
    }

    @Test
    void byDefaultBusinessErrorsAreHttp200() throws Exception {
        client.startRefresh("ext_books");
        server.faults().add(Fault.rateLimited());

        assertThat(client.list("{}").status()).isEqualTo(200);
        assertThat(client.refresh("{\"collectionName\":\"ext_books\"}").status())
                .isEqualTo(200);
        assertThat(client.list("{\"collectionName\":\"missing\"}").status()).isEqualTo(200);
    }

    @Test
    void standardStatusesMapEachCodeAndKeepTheEnvelope() throws Exception {
        use(options().withStandardErrorStatus(true));
        client.startRefresh("ext_books");
        server.faults().add(Fault.rateLimited().on(Endpoint.DESCRIBE));

        assertStatus(client.describe(1), 1807, 429);
        assertStatus(client.list("{\"collectionName\":\"missing\"}"), 100, 404);
        assertStatus(client.list("{\"dbName\":\"nope\",\"collectionName\":\"ext_books\"}"), 800, 404);
        assertStatus(client.refresh("{\"collectionName\":\"ext_books\"}"), 703, 400);
        assertStatus(client.describe(1), 1100, 400);
        assertStatus(client.list("{\"collectionName\":7}"), 1801, 400);
        assertStatus(client.refresh("{}"), 1802, 400);
        assertStatus(new ApiClient(server, "wrong").list("{}"), 1800, 401);
        Answer ok = client.list("{}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.code()).isZero();
    }

    @Test
    void theControlEndpointSwitchesStandardStatusesOnAndOff() throws Exception {
        ApiClient control = new ApiClient(server, null);

        assertThat(control.post("/_dev/config", "{\"standardErrorStatus\":true}")
                        .body())
                .isEqualTo("{\"overlapCheck\":true,\"standardErrorStatus\":true}");
        assertThat(client.describe(1).status()).isEqualTo(400);

        control.post("/_dev/config", "{\"standardErrorStatus\":false}");
        assertThat(client.describe(1).status()).isEqualTo(200);
    }

    private static void assertStatus(Answer answer, int code, int status) {
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.json().has("message")).isTrue();
        assertThat(answer.json().has("data")).isFalse();
    }

    private static Optional<String> traceId(Answer answer) {
        return answer.headers().firstValue(TRACE);
    }
}
