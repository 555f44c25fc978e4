package io.zrefresh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrefresh.support.DevServerFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkHttpTransportTest {

    @TempDir
    Path home;

    /**
     * The JDK's client keeps a selector thread waiting in native code, and the JVM's exit waits up to
     * 300 ms for such threads: every command that talked to the server would end that much later.
     */
    @Test
    void closeEndsTheSelectorThreadOfTheClient() throws Exception {
        Set<Thread> before = selectorThreads();
        try (DevServerFixture dev = DevServerFixture.start(home, Duration.ofSeconds(30))) {
            JdkHttpTransport transport = new JdkHttpTransport();
            HttpReply reply = transport.post(
                    dev.server.url().resolve("/v2/vectordb/jobs/external_collection/list"),
                    Map.of("Authorization", "Bearer " + DevServerFixture.TOKEN, "Content-Type", "application/json"),
                    "{\"dbName\":\"default\"}".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(10));
            assertThat(reply.status()).isEqualTo(200);
            Set<Thread> ours = selectorThreads();
            ours.removeAll(before);
            assertThat(ours)
                    .as("the client's selector thread (JDK name: HttpClient-N-SelectorManager)")
                    .hasSize(1);

            transport.close();
            for (Thread thread : ours) {
                thread.join(Duration.ofSeconds(5).toMillis());
            }
            assertThat(ours).noneMatch(Thread::isAlive);
        }
    }

    /** A plain http client sets up no TLS; the same transport still talks https (a client of its own). */
    @Test
    void talksHttpsAfterPlainHttp() throws Exception {
        try (DevServerFixture dev = DevServerFixture.start(home, Duration.ofSeconds(30));
                JdkHttpTransport transport = new JdkHttpTransport()) {
            URI plain = dev.server.url().resolve("/v2/vectordb/jobs/external_collection/list");
            Map<String, String> headers =
                    Map.of("Authorization", "Bearer " + DevServerFixture.TOKEN, "Content-Type", "application/json");
            byte[] body = "{\"dbName\":\"default\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(transport
                            .post(plain, headers, body, Duration.ofSeconds(10))
                            .status())
                    .isEqualTo(200);

            // A server that answers plain text to the TLS handshake: it fails, which a client without TLS
            // would never try.
            try (ServerSocket plainText = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread answering = new Thread(() -> {
                    try (Socket socket = plainText.accept()) {
                        // the client's hello first: closing before it came would fail the handshake otherwise
                        socket.getInputStream().read(new byte[512]);
                        socket.getOutputStream()
                                .write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closed) {
                        // the client gave up first
                    }
                });
                answering.start();
                URI tls = new URI("https", null, "127.0.0.1", plainText.getLocalPort(), plain.getPath(), null, null);
                assertThatThrownBy(() -> transport.post(tls, headers, body, Duration.ofSeconds(10)))
                        .isInstanceOf(SSLException.class);
                answering.join();
            }
        }
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }
}
