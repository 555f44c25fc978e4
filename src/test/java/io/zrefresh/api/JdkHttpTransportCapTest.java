package io.zrefresh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport stops reading an answer past its cap, whether or not the answer announced its length. */
class JdkHttpTransportCapTest {

    private static final int CAP = 1 << 20;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void serveLongAnswers() throws Exception {
        // The JDK's HttpServer reads this once per JVM: the dev servers of the tests that follow
        // answer without the client's delayed ACK only if the first server to be made sets it too.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sized", exchange -> answer(exchange, 3 * CAP, true));
        server.createContext("/chunked", exchange -> answer(exchange, 3 * CAP, false));
        server.createContext("/fits", exchange -> answer(exchange, CAP, true));
        // Both send a little, then wait: the announced length, or the timeout, must end the read.
        server.createContext("/announced", exchange -> stall(exchange, 3L * CAP));
        server.createContext("/stalled", exchange -> stall(exchange, 0));
        server.setExecutor(handlers);
        server.start();
    }

    private static void answer(HttpExchange exchange, int length, boolean sized) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, sized ? length : 0);
        try (OutputStream body = exchange.getResponseBody()) {
            byte[] block = new byte[8192];
            for (int sent = 0; sent < length; sent += block.length) {
                body.write(block, 0, Math.min(block.length, length - sent));
            }
        } catch (IOException clientStoppedReading) {
            // expected when the client gives up past the cap
        }
    }

    private void stall(HttpExchange exchange, long announced) throws IOException {
        exchange.sendResponseHeaders(200, announced);
        exchange.getResponseBody().write(new byte[100]);
        exchange.getResponseBody().flush();
        try {
            release.await();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private HttpReply post(JdkHttpTransport transport, String path) throws Exception {
        return post(transport, path, Duration.ofSeconds(20));
    }

    private HttpReply post(JdkHttpTransport transport, String path, Duration timeout) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return transport.post(uri, Map.of(), new byte[0], timeout);
    }

    @Test
    void anAnswerPastTheCapIsNotRead() throws Exception {
        try (JdkHttpTransport transport = new JdkHttpTransport(CAP)) {
            for (String path : new String[] {"/sized", "/chunked", "/announced"}) {
                AnswerTooLargeException tooLarge =
                        catchThrowableOfType(AnswerTooLargeException.class, () -> post(transport, path));
                assertThat(tooLarge).as(path).isNotNull();
                assertThat(tooLarge.limit()).isEqualTo(CAP);
                assertThat(tooLarge.status()).isEqualTo(200);
            }
            assertThat(post(transport, "/fits").body()).hasSize(CAP);
        }
    }

    /** The HTTP client's timeout ends with the headers; a body that stalls must not hold zrefresh for ever. */
    @Test
    @Timeout(60) // without the fix it waits for ever
    void anAnswerThatStallsEndsAtTheRequestTimeout() throws Exception {
        try (JdkHttpTransport transport = new JdkHttpTransport(CAP)) {
            assertThat(catchThrowableOfType(
                            HttpTimeoutException.class, () -> post(transport, "/stalled", Duration.ofMillis(500))))
                    .isNotNull();
        }
    }
}
