package io.zrefresh.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shell is the fast path: its lines share one HTTP client and its keep-alive connection. */
class ShellConnectionsTest extends DevServerTest {

    @Test
    void everyLineReusesTheConnectionOfTheFirst() {
        server(Duration.ofSeconds(30));
        String id = dev.cli()
                .run("trigger", "--name", "ext_books", "-o", "text")
                .out()
                .trim();
        long before = dev.server.stats().connectionsAccepted();

        Result shell = dev.cli()
                .stdin("describe --job-id %s -o text --query jobId\n"
                        .formatted(id)
                        .repeat(3))
                .run("shell");

        assertThat(shell.out().lines()).containsExactly(id, id, id);
        assertThat(dev.server.stats().connectionsAccepted() - before).isEqualTo(1);
    }
}
