package io.zrefresh.support;

import static org.assertj.core.api.Assertions.fail;

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
 * Runs a program that tests need from the machine (a shell, groff). A missing program fails the
 * test with what to install, never skips it: CI installs them (.ci/run), and a test that skips
 * where they are missing would pass without checking anything.
 */
public final class ExternalProgram {

    private ExternalProgram() {}

    /** Fails unless the program is on PATH. */
    public static void require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        fail(program + " is needed by this test but is not on PATH: install it (apt-get install " + debianPackage
                + "), as .ci/run does");
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
