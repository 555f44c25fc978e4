package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrefresh.devserver.ApiClient.Answer;
import io.zrefresh.devserver.RawConnection.RawResponse;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends DevServerTestCase {

    @Test
    void httpStatusAnswersTheCannedPageWithItsHeadersForTheGivenNumberOfRequests() throws Exception {
        server.faults()
                .add(Fault.httpStatus(503, "text/html", "<html>busy</html>")
                        .withHeader("Retry-After", "1")
                        .on(Endpoint.DESCRIBE)
                        .times(2));
        long jobId = client.startRefresh("ext_books");

        for (int i = 0; i < 2; i++) {
            Answer answer = client.describe(jobId);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.contentType()).isEqualTo("text/html");
            assertThat(answer.body()).isEqualTo("<html>busy</html>");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        }

        assertThat(client.describe(jobId).code()).isZero();
        assertThat(server.stats().requests(Endpoint.DESCRIBE))
                .as("faulted requests count too")
                .isEqualTo(3);
        assertThat(server.faults().remaining()).isZero();
    }

    @Test
    void aFaultOnOneEndpointLeavesTheOthersAlone() throws Exception {
        server.faults().add(Fault.oldDataPlane().on(Endpoint.LIST));

        assertThat(client.refresh("{\"collectionName\":\"ext_books\"}").code()).isZero();
        Answer list = client.list("{}");

        assertThat(list.status()).isEqualTo(404);
        assertThat(list.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(list.body()).isEqualTo("404 page not found");
    }

    @Test
    void faultsAreConsumedInTheOrderTheyWereAdded() throws Exception {
        server.faults().add(Fault.rateLimited());
        server.faults().add(Fault.oldDataPlane());

        assertThat(client.list("{}").code()).isEqualTo(1807);
        assertThat(client.list("{}").status()).isEqualTo(404);
        assertThat(client.list("{}").code()).isZero();
    }

    @Test
    void rateLimitedIsHttp200Code1807AndDoesNotProcess() throws Exception {
        server.faults().add(Fault.rateLimited().on(Endpoint.REFRESH));

        Answer answer = client.refresh("{\"collectionName\":\"ext_books\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.code()).isEqualTo(1807);
        assertThat(answer.message()).startsWith("request is rejected by limiter, ");
        assertThat(server.stats().jobsCreated()).isZero();
    }

    @Test
    void resetIsAnIOExceptionAndTheRequestIsNotProcessed() throws Exception {
        server.faults().add(Fault.reset());

        assertThatThrownBy(() -> client.refresh("{\"collectionName\":\"ext_books\"}"))
                .isInstanceOf(IOException.class);
        assertThat(client.list("{}").data().get("records")).isEmpty();
        assertThat(server.stats().requests(Endpoint.REFRESH)).isEqualTo(1);
    }

    @Test
    void resetClosesTheConnectionWithoutSendingAByte() throws Exception {
        server.faults().add(Fault.reset());
        try (RawConnection connection = new RawConnection(server)) {
            connection.send(RawConnection.post(Endpoint.LIST.path(), "{}", "Authorization: Bearer " + TOKEN + "\r\n"));

            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void lostAnswerCreatesTheJobButTheClientGetsNoAnswer() throws Exception {
        server.faults().add(Fault.lostAnswer().on(Endpoint.REFRESH));

        assertThatThrownBy(() -> client.refresh("{\"collectionName\":\"ext_books\"}"))
                .isInstanceOf(IOException.class);

        Answer list = client.list("{\"collectionName\":\"ext_books\"}");
        assertThat(list.data().get("records")).hasSize(1);
        assertThat(list.data().get("records").get(0).get("state").textValue()).isEqualTo("RefreshPending");
        assertThat(server.stats().jobsCreated()).isEqualTo(1);
    }

    @Test
    void truncatedJsonSendsTheFirstHalfOfTheRealAnswer() throws Exception {
        long jobId = client.startRefresh("ext_books");
        String whole = client.describe(jobId).body();
        server.faults().add(Fault.truncatedJson());

        Answer truncated = client.describe(jobId);

        assertThat(truncated.status()).isEqualTo(200);
        assertThat(truncated.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(truncated.body()).isEqualTo(whole.substring(0, whole.length() / 2));
        assertThat(truncated.headers().firstValue("Content-Length")).hasValue(String.valueOf(whole.length() / 2));
        assertThatThrownBy(truncated::json).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void truncatedJsonOfAStreamedListIsSentWithContentLength() throws Exception {
        client.startRefresh("ext_books");
        String whole = client.list("{}").body();
        server.faults().add(Fault.truncatedJson().on(Endpoint.LIST));

        try (RawConnection connection = new RawConnection(server)) {
            connection.send(RawConnection.post(Endpoint.LIST.path(), "{}", "Authorization: Bearer " + TOKEN + "\r\n"));
            RawResponse response = connection.readResponse();

            assertThat(response.chunked()).isFalse();
            assertThat(response.body()).isEqualTo(whole.substring(0, whole.length() / 2));
        }
    }

    @Test
    void truncatedRefreshStillCreatesTheJob() throws Exception {
        server.faults().add(Fault.truncatedJson().on(Endpoint.REFRESH));

        assertThat(client.refresh("{\"collectionName\":\"ext_books\"}").body()).startsWith("{\"code\":0,\"da");
        assertThat(server.stats().jobsCreated()).isEqualTo(1);
    }

    @Test
    void delayMakesAnImpatientClientTimeOutButTheRefreshHappensAnyway() throws Exception {
        // Long beside the client's timeout, so that the list below comes before the delay ends even on a loaded
        // machine.
        server.faults().add(Fault.delay(Duration.ofSeconds(2)).on(Endpoint.REFRESH));

        assertThatThrownBy(() -> client.send(client.request(Endpoint.REFRESH.path())
                        .timeout(Duration.ofMillis(150))
                        .POST(BodyPublishers.ofString("{\"collectionName\":\"ext_books\"}"))))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(client.list("{}").data().get("records"))
                .as("not yet: the server is still waiting")
                .isEmpty();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.stats().jobsCreated() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(client.list("{}").data().get("records")).hasSize(1);
    }

    @Test
    void delayedAnswerArrivesForAPatientClient() throws Exception {
        server.faults().add(Fault.delay(Duration.ofMillis(200)));
        long started = System.nanoTime();

        Answer answer = client.list("{}");

        assertThat(answer.code()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void faultsAreCheckedBeforeAuth() throws Exception {
        server.faults().add(Fault.httpStatus(502, null, ""));

        Answer answer = new ApiClient(server, null).list("{}");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.contentType()).isNull();
    }

    @Test
    void clearDropsQueuedFaults() throws Exception {
        server.faults().add(Fault.reset().times(5));
        assertThat(server.faults().remaining()).isEqualTo(5);

        server.faults().clear();

        assertThat(client.list("{}").code()).isZero();
    }

    @Test
    void invalidFaultsAreRejected() {
        assertThatThrownBy(() -> Fault.reset().times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.httpStatus(99, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.lostAnswer().withHeader("Retry-After", "1"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Fault.httpStatus(503, "text/html", "x").on(Endpoint.LIST).times(3))
                .hasToString("http-status 503 on list x3");
    }
}
