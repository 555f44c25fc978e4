package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.devserver.RawConnection.RawResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 itself: keep-alive, framing of requests and answers, closing, bad requests, the request log. */
class HttpProtocolTest {

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private DevServer server;

    @BeforeEach
    void start() throws Exception {
        server = DevServer.start(DevServerOptions.defaults()
                .withPort(0)
                .withToken(null)
                .withLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientReusesOneConnectionForManyRequests() throws Exception {
        ApiClient client = new ApiClient(server, null);
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
        ApiClient client = new ApiClient(server, null, HttpClient.newHttpClient());
        for (int i = 0; i < 5; i++) {
            assertThat(client.list("{}").code()).isZero();
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
    void aChunkedRequestBodyIsRead() throws Exception {
        ApiClient client = new ApiClient(server, null);
        byte[] body = "{\"collectionName\":\"ext_books\"}".getBytes(StandardCharsets.UTF_8);

        ApiClient.Answer answer = client.send(client.request(Endpoint.REFRESH.path())
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(answer.code()).isZero();
    }

    @Test
    void rawChunkedRequestWithExtensionsAndTrailersThenKeepAlive() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send(
                    "POST " + Endpoint.LIST.path() + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "1;ext=1\r\n{\r\n1\r\n}\r\n0\r\nX-Trailer: y\r\n\r\n");
            assertThat(connection.readResponse().body()).isEqualTo("{\"code\":0,\"data\":{\"records\":[]}}");

            connection.send(RawConnection.post(Endpoint.LIST.path(), "{}", ""));
            assertThat(connection.readResponse().statusLine()).isEqualTo("HTTP/1.1 200 OK");
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void jsonAnswersCarryContentLengthAndListsAreChunked() throws Exception {
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
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send(RawConnection.post(Endpoint.LIST.path(), "{}", "Connection: close\r\n"));

            RawResponse response = connection.readResponse();

            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void repeatedHeadersAreReadTogether() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send(
                    RawConnection.post(Endpoint.LIST.path(), "{}", "Connection: close\r\nConnection: keep-alive\r\n"));

            assertThat(connection.readResponse().header("Connection")).isEqualTo("close");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void http10ConnectionsAreClosedAfterOneAnswer() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send("GET /nothing HTTP/1.0\r\n\r\n");

            assertThat(connection.readResponse().statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void aMalformedRequestIs400AndClosed() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send("HELLO\r\n\r\n");

            RawResponse response = connection.readResponse();

            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(response.body()).startsWith("400 Bad Request");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void aClientThatExpectsContinueGetsIt() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send("POST " + Endpoint.LIST.path() + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 2\r\n\r\n");
            assertThat(connection.readResponse().statusLine()).isEqualTo("HTTP/1.1 100 Continue");

            connection.send("{}");
            assertThat(connection.readResponse().body()).isEqualTo("{\"code\":0,\"data\":{\"records\":[]}}");
        }
    }

    @Test
    void theServerSurvivesAClientThatLeavesMidRequest() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send("POST " + Endpoint.REFRESH.path() + " HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"coll");
        }

        assertThat(new ApiClient(server, null).startRefresh("ext_books")).isPositive();
        assertThat(server.stats().requests(Endpoint.REFRESH))
                .as("the cut request never reached the handler")
                .isEqualTo(1);
    }

    @Test
    void headAnswersHaveNoBody() throws Exception {
        try (RawConnection connection = new RawConnection(server)) {
            connection.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
            connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

            RawResponse head = connection.readResponseHead();
            RawResponse get = connection.readResponse();

            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
            assertThat(get.body())
                    .as("the HEAD answer left no body bytes behind")
                    .isEqualTo("404 page not found");
        }
    }

    @Test
    void theLogHasOneLinePerRequest() throws Exception {
        ApiClient client = new ApiClient(server, null);
        client.list("{}");
        client.refresh("{}");
        client.get("/nothing");

        assertThat(awaitLogLines(3))
                .satisfiesExactly(
                        line -> assertThat(line)
                                .matches("POST /v2/vectordb/jobs/external_collection/list 200 code=0 \\(\\d+ ms\\)"),
                        line -> assertThat(line)
                                .matches(
                                        "POST /v2/vectordb/jobs/external_collection/refresh 200 code=1802 \\(\\d+ ms\\)"),
                        line -> assertThat(line).matches("GET /nothing 404 \\(\\d+ ms\\)"));
    }

    @Test
    void closeStopsAcceptingConnections() throws Exception {
        int port = server.port();
        server.close();

        assertThat(canConnect(port)).isFalse();
    }

    /** A line is logged once its answer is sent, so it may land just after the client has the answer. */
    private List<String> awaitLogLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> lines = logBytes.toString(StandardCharsets.UTF_8).lines().toList();
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
            lines = logBytes.toString(StandardCharsets.UTF_8).lines().toList();
        }
        return lines;
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
