package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.cli.report.CiReport;
import io.zrefresh.cli.report.CiSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private ErrorReporter reporter(boolean debug) {
        return new ErrorReporter(
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                true,
                debug,
                CiReport.of(CiSystem.OFF, Map.of(), System.err, Clock.systemUTC()),
                List.of("sk-live-0123456789", "ab"));
    }

    @Test
    void aKeyInAnyMessageIsMaskedInTheLineAndTheJsonAndTheTrace() {
        // What the HTTP client says of a header it refuses, had the key not been checked first.
        IllegalArgumentException refused =
                new IllegalArgumentException("invalid header value: \"Bearer sk-live-0123456789\"");
        int exit = reporter(true).report(new IllegalStateException("sending failed", refused));

        String shown = stderr.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ExitCode.INTERNAL);
        assertThat(shown)
                .doesNotContain("sk-live-0123456789")
                .contains("Caused by: java.lang.IllegalArgumentException: invalid header value: \"Bearer ***\"")
                .contains("\"message\":\"Internal error: java.lang.IllegalStateException: sending failed");
        assertThat(shown).as("a 'key' of two letters would mask words").contains("please report it");
    }

    @Test
    void serverTextCannotDriveTheTerminalOrForgeACiLine() {
        String reason = "no files\n::error::forged\u001b]0;title\u0007\rdone";
        reporter(false).report(Problem.of(ExitCode.JOB_FAILED, "Job 1 of books failed: " + reason));

        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines)
                .containsExactly(
                        "Job 1 of books failed: no files\\n::error::forged\\u001b]0;title\\u0007\\rdone",
                        "{\"error\":{\"exitCode\":8,\"message\":\"Job 1 of books failed: no files\\n::error::forged"
                                + "\\u001B]0;title\\u0007\\rdone\"}}");
    }
}
