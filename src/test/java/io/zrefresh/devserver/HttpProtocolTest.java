package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.devserver.RawConnection.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** HTTP as the dev server uses it: keep-alive, framing of answers, closing, the request log. */
class HttpProtocolTest extends DevServerTestCase {

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @Override
    DevServerOptions options() {
        return super.options().withToken(null).withLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    }

    @Test
    void aClientReusesOneConnectionForManyRequests() throws Exception {
        long jobId = client.startRefresh("ext_books");
        for (int i = 0; i < 30; i++) {
            assertThat(client.describe(jobId).code()).isZero();
        }

        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        assertThat(server.stats().requests(Endpoint.DESCRIBE)).isEqualTo(30);
        assertThat(server.stats().requests(Endpoint.ANY)).isEqualTo(31);
    }

    @Test
    void theJdkClientWithItsDefaultVersionAlsoKeepsOneConnection() throws Exception {
        ApiClient http2First = new ApiClient(server, null, HttpClient.newHttpClient());
        for (int i = 0; i < 5; i++) {
            assertThat(http2First.list("{}").code()).isZero();
        }

        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void separateConnectionsAreCountedSeparately() throws Exception {
        new ApiClient(server, null).list("{}");
        new ApiClient(server, null).list("{}");

        assertThat(server.stats().connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void jsonAnswersCarryContentLengthAndListsAreStreamedInChunks() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send(RawConnection.post(Endpoint.REFRESH.path(), "{\"collectionName\":\"ext_books\"}", ""));
            RawResponse refresh = connection.readResponse();
            assertThat(refresh.chunked()).isFalse();
            assertThat(refresh.header("Content-Length"))
                    .isEqualTo(String.valueOf(refresh.body().length()));
            assertThat(refresh.header("Content-Type")).isEqualTo("application/json; charset=utf-8");

            connection.send(RawConnection.post(Endpoint.LIST.path(), "{}", ""));
            RawResponse list = connection.readResponse();
            assertThat(list.chunked()).isTrue();
            assertThat(list.body()).startsWith("{\"code\":0,\"data\":{\"records\":[{\"collectionName\":\"ext_books\"");
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send(RawConnection.post(Endpoint.LIST.path(), "{}", "Connection: close\r\n"));

            assertThat(connection.readResponse().statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void theServerSurvivesAClientThatLeavesMidRequest() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send("POST " + Endpoint.REFRESH.path() + " HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"coll");
        }

        assertThat(client.startRefresh("ext_books")).isPositive();
        assertThat(server.stats().requests(Endpoint.REFRESH))
                .as("the cut request never reached the handler")
                .isEqualTo(1);
    }

    @Test
    void theLogHasOneLinePerRequestInTheOrderOfTheRequests() throws Exception {
        client.list("{}");
        client.refresh("{}");
        client.get("/nothing");

        assertThat(logBytes.toString(StandardCharsets.UTF_8).lines())
                .satisfiesExactly(
                        line -> assertThat(line)
                                .matches("POST /v2/vectordb/jobs/external_collection/list 200 code=0 \\(\\d+ ms\\)"),
                        line -> assertThat(line)
                                .matches(
                                        "POST /v2/vectordb/jobs/external_collection/refresh 200 code=1802 \\(\\d+ ms\\)"),
                        line -> assertThat(line).matches("GET /nothing 404 \\(\\d+ ms\\)"));
    }

    /** Each round binds a new port and closes it at once: a listener that outlived close() would accept here. */
    @Test
    void whenCloseReturnsNewConnectionsAreRefused() throws Exception {
        for (int round = 0; round < 50; round++) {
            DevServer another = start(options());
            int port = another.port();
            another.close();

            assertThat(canConnect(port)).as("round %d", round).isFalse();
        }
    }

    @Test
    void closeEndsOpenConnectionsAndWaitingExchanges() throws Exception {
        try (RawConnection idle = new RawConnection(server);
                RawConnection waiting = new RawConnection(server)) {
            idle.send(RawConnection.post(Endpoint.LIST.path(), "{}", ""));
            idle.readResponse();
            server.faults().add(Fault.delay(Duration.ofMinutes(10)));
            waiting.send(RawConnection.post(Endpoint.LIST.path(), "{}", ""));
            awaitRequests(2);

            server.close();

            assertThat(idle.closedByServer()).isTrue();
            assertThat(waiting.closedByServer()).isTrue();
        }
    }

    private void awaitRequests(long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.stats().requests(Endpoint.ANY) < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
