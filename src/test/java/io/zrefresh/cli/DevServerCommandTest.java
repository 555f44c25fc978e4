package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.support.CliRun;
import io.zrefresh.support.CliRun.Result;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dev-server command in-process: its flags, a busy port, and the --exec runner. */
class DevServerCommandTest {

    @Test
    void aBusyPortIsAConfigurationErrorThatSuggestsAFreePort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            Result result = new CliRun().run("dev-server", "--port", String.valueOf(busy.getLocalPort()));

            assertThat(result.exit()).as(result.toString()).isEqualTo(3);
            assertThat(result.err())
                    .isEqualTo("Port " + busy.getLocalPort()
                            + " is in use; stop what listens there, or pass --port 0 for a free port.\n");
            assertThat(result.out()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "--port     | 70000 | --port must be between 0 and 65535, got 70000",
                "--port     | -1    | --port must be between 0 and 65535, got -1",
                "--port     | http  | Invalid value for option '--port': 'http' is not an int",
                "--job-time | 0s    | Invalid value for option '--job-time': must be longer than 0",
                "--job-time | soon  | 'soon' is not a duration",
            })
    void badFlagsAreUsageErrors(String flag, String value, String message) {
        Result result = new CliRun().run("dev-server", flag, value, "--exec", "exit 0");

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("Internal", "\tat ");
    }

    @Test
    void execRunsTheCommandAgainstTheServerAndExitsWithItsStatus() {
        Result result = new CliRun()
                .env("PATH", System.getenv("PATH"))
                .env("ZILLIZ_CONTEXT", "production")
                .run(
                        "dev-server",
                        "--token",
                        "t0k",
                        "--exec",
                        "echo \"$ZILLIZ_ENDPOINT $ZILLIZ_API_KEY [$ZILLIZ_CONTEXT]\"; command -v zrefresh;"
                                + " ls -A \"$ZILLIZ_CONFIG_DIR\"; echo oops >&2; exit 3");

        assertThat(result.exit()).as(result.toString()).isEqualTo(3);
        assertThat(result.out().lines().toList())
                .satisfiesExactly(
                        exports -> assertThat(exports).matches("http://127\\.0\\.0\\.1:\\d+ t0k \\[]"),
                        zrefresh -> assertThat(zrefresh).endsWith("/bin/zrefresh"));
        assertThat(result.err()).isEqualTo("oops\n");
    }
}
