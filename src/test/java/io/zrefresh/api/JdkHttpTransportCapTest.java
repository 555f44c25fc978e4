package io.zrefresh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport stops reading an answer past its cap, whether or not the answer announced its length. */
class JdkHttpTransportCapTest {

    private static final int CAP = 1 << 20;

    private HttpServer server;

    @BeforeEach
    void serveLongAnswers() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sized", exchange -> answer(exchange, 3 * CAP, true));
        server.createContext("/chunked", exchange -> answer(exchange, 3 * CAP, false));
        server.createContext("/fits", exchange -> answer(exchange, CAP, true));
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

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpReply post(JdkHttpTransport transport, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return transport.post(uri, Map.of(), new byte[0], Duration.ofSeconds(30));
    }

    @Test
    void anAnswerPastTheCapIsNotRead() throws Exception {
        try (JdkHttpTransport transport = new JdkHttpTransport(CAP)) {
            for (String path : new String[] {"/sized", "/chunked"}) {
                AnswerTooLargeException tooLarge =
                        catchThrowableOfType(AnswerTooLargeException.class, () -> post(transport, path));
                assertThat(tooLarge).as(path).isNotNull();
                assertThat(tooLarge.limit()).isEqualTo(CAP);
                assertThat(tooLarge.status()).isEqualTo(200);
            }
            assertThat(post(transport, "/fits").body()).hasSize(CAP);
        }
    }
}
