package io.zrefresh.support;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program that tests need from the machine (a shell, groff). A missing program skips the
 * test with what to install, so that the README's {@code mvn -B verify} passes on a machine with
 * only a JDK and Maven; with {@value #REQUIRE_TOOLS} set to true (as .ci/run sets it), a missing
 * program fails the test instead, so that CI never passes without checking anything.
 */
public final class ExternalProgram {

    /** The system property that makes a missing program fail its test: {@code mvn -B verify -Dzrefresh.requireTools=true}. */
    public static final String REQUIRE_TOOLS = "zrefresh.requireTools";

    private ExternalProgram() {}

    /** Skips the test (or with {@value #REQUIRE_TOOLS}, fails it) unless the program is on PATH. */
    public static void require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        missing(program + " is needed by this test but is not on PATH", debianPackage);
    }

    /** Skips the test (or with {@value #REQUIRE_TOOLS}, fails it): what it needs is not here. */
    public static void missing(String what, String debianPackage) {
        String missing = what + ": install it (apt-get install " + debianPackage + ")";
        if (Boolean.getBoolean(REQUIRE_TOOLS)) {
            fail(missing + " (-D" + REQUIRE_TOOLS + "=true makes its absence a failure)");
        }
        abort(missing + " to run it; skipped (-D" + REQUIRE_TOOLS + "=true makes this a failure, as in CI)");
    }

    /** Runs a command with stdin empty, the given environment added to this one's. */
    public static CliRun.Result run(Map<String, String> env, Duration timeout, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = ProcessRun.read(process.getInputStream());
        CompletableFuture<String> err = ProcessRun.read(process.getErrorStream());
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not end within " + timeout + "; stdout so far: " + out.getNow("")
                    + "; stderr so far: " + err.getNow(""));
        }
        return new CliRun.Result(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }
}
