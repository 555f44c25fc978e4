package io.zrefresh.cli;

import io.zrefresh.config.ConfigDirectory;
import io.zrefresh.config.SettingsResolver;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the command of {@code dev-server --exec} in {@code sh} against the dev server: with our environment plus the
 * server's endpoint and key, this build of zrefresh first on the PATH and an empty config dir of its own (so no
 * context of the user's applies). Its output is copied to ours as it comes; Ctrl-C stops it.
 */
final class ExecRunner {

    private ExecRunner() {}

    /** @return the command's exit status, or 130 when we were interrupted and stopped it */
    static int run(String command, URI endpoint, String apiKey, World world) throws IOException {
        Path work = Files.createTempDirectory("zrefresh-dev-");
        try {
            Path bin = SelfLauncher.write(Files.createDirectory(work.resolve("bin")));
            ProcessBuilder builder =
                    new ProcessBuilder("sh", "-c", command).redirectInput(ProcessBuilder.Redirect.INHERIT);
            Map<String, String> env = builder.environment();
            env.clear();
            env.putAll(world.env());
            env.remove(SettingsResolver.ENV_CONTEXT);
            env.put(SettingsResolver.ENV_ENDPOINT, endpoint.toString());
            env.put(SettingsResolver.ENV_API_KEY, apiKey);
            env.put(
                    ConfigDirectory.ENV_CONFIG_DIR,
                    Files.createDirectory(work.resolve("config")).toString());
            env.put("PATH", bin + File.pathSeparator + world.env().getOrDefault("PATH", ""));
            Process process = builder.start();
            Thread out = pipe(process.getInputStream(), world.out());
            Thread err = pipe(process.getErrorStream(), world.err());
            try {
                int status = process.waitFor();
                out.join();
                err.join();
                return status;
            } catch (InterruptedException stop) {
                process.destroy();
                world.err().println("Interrupted; the command was stopped.");
                return Interruption.exitCode();
            }
        } finally {
            deleteTree(work);
        }
    }

    /** Copies the command's output to ours as it comes (our streams may be a test's buffers). */
    private static Thread pipe(InputStream from, PrintStream to) {
        Thread copier = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (from) {
                        for (int read; (read = from.read(buffer)) >= 0; ) {
                            to.write(buffer, 0, read);
                            to.flush();
                        }
                    } catch (IOException closed) {
                        // the command ended or was stopped
                    }
                },
                "dev-server-exec-output");
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
