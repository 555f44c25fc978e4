package io.zrefresh.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs zrefresh as a separate process: the packaged jar ({@code -Dzrefresh.jar}), or any other
 * build of it given as {@code -Dzrefresh.command} (the release workflow passes the native binary),
 * so that the same system tests run against each.
 */
public final class ProcessRun {

    private final Map<String, String> env = new HashMap<>();
    private final List<String> wrapper = new ArrayList<>();
    private byte[] stdin = new byte[0];

    public ProcessRun(Path home) {
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("ZILLIZ_CONFIG_DIR", home.resolve(".zilliz").toString());
        env.put("LANG", "C.UTF-8");
    }

    public ProcessRun env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** What the process reads on stdin, which is then closed (by default it is closed at once). */
    public ProcessRun stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /**
     * Starts zrefresh through a command that takes it as its last words, e.g. {@code sh -c 'umask 000;
     * exec "$@"' sh}.
     */
    public ProcessRun through(String... words) {
        wrapper.addAll(List.of(words));
        return this;
    }

    /** This run's environment (and nothing of the test's). */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    /** A process builder with this run's environment (and nothing of the test's). */
    public ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    public static List<String> command() {
        String command = System.getProperty("zrefresh.command");
        if (command != null && !command.isBlank()) {
            return Arrays.asList(command.trim().split("\\s+"));
        }
        String jar = System.getProperty("zrefresh.jar", "target/zrefresh.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-jar", jar);
    }

    /** Starts the process; stdin holds what {@link #stdin} gave, if anything. */
    public Process start(String... args) throws IOException {
        Process process = startWithOpenStdin(args);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException notReading) {
            // the process ended or closed its stdin without reading all of it: its output tells
        }
        return process;
    }

    /** Starts the process with its stdin a pipe that the caller writes and closes. */
    public Process startWithOpenStdin(String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(command());
        command.addAll(List.of(args));
        return builder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    public CliRun.Result run(String... args) throws Exception {
        return finish(start(args), Duration.ofSeconds(60));
    }

    /** Waits for the process and collects its output. */
    public static CliRun.Result finish(Process process, Duration timeout) throws Exception {
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("zrefresh did not end within " + timeout + "; stderr: " + err.getNow(""));
        }
        return new CliRun.Result(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    public static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
