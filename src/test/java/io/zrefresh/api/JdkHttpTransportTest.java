package io.zrefresh.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.support.DevServerFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }
}
