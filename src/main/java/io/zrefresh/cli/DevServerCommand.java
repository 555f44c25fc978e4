package io.zrefresh.cli;

import io.zrefresh.devserver.DevServer;
import io.zrefresh.devserver.DevServerOptions;
import io.zrefresh.time.Durations;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "dev-server",
        description = {
            "Run the embedded simulator of the three refresh endpoints on 127.0.0.1, to try zrefresh without a cluster.",
            "Its example collections: ext_books (external), ext_broken (its refreshes fail), ext_new (no source yet), "
                    + "plain_coll (not external), and analytics.ext_events.",
            "With --exec, run COMMAND against it (ZILLIZ_ENDPOINT and ZILLIZ_API_KEY exported, this zrefresh on PATH, "
                    + "a fresh ZILLIZ_CONFIG_DIR), then stop and exit with COMMAND's status."
        })
final class DevServerCommand extends BaseCommand {

    private static final int DEFAULT_PORT = 19530;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port (default: 19530; with --exec: a free one; 0: a free one).")
    Integer port;

    @Option(
            names = "--token",
            paramLabel = "T",
            defaultValue = "zrefresh-dev",
            description = "API key the server accepts (default: zrefresh-dev).")
    String token;

    @Option(
            names = "--job-time",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = Converters.DurationConverter.class,
            description = "How long a refresh job takes from Pending to Completed (default: 10s).")
    Duration jobTime;

    @Option(names = "--exec", paramLabel = "COMMAND", description = "Shell command to run against the server.")
    String exec;

    @Override
    protected int run(Session session) throws Exception {
        if (port != null && (port < 0 || port > 65535)) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        if (jobTime.isZero() || jobTime.isNegative()) {
            throw new UsageException("--job-time must be longer than 0");
        }
        boolean debug = root().debug;
        DevServerOptions options = DevServerOptions.defaults()
                .withPort(port != null ? port : exec != null ? 0 : DEFAULT_PORT)
                .withToken(token)
                .withJobTime(jobTime)
                .withLog(exec == null || debug ? session.world().err() : null);
        try (DevServer server = DevServer.start(options)) {
            return exec == null ? serve(session, server) : execute(session, server);
        }
    }

    private int serve(Session session, DevServer server) {
        session.notice("zrefresh dev server on " + server.url() + " (jobs take " + Durations.brief(jobTime)
                + "); Ctrl-C stops it. To use it from another shell:");
        session.world().out().println("export ZILLIZ_ENDPOINT=" + server.url() + " ZILLIZ_API_KEY=" + token);
        session.world().out().flush();
        try {
            server.awaitClose();
        } catch (InterruptedException stop) {
            session.notice("Stopped.");
        }
        return Interruption.exitCode();
    }

    private int execute(Session session, DevServer server) throws IOException {
        Path work = Files.createTempDirectory("zrefresh-dev-");
        try {
            Path bin = SelfLauncher.write(Files.createDirectory(work.resolve("bin")));
            ProcessBuilder builder =
                    new ProcessBuilder("sh", "-c", exec).redirectInput(ProcessBuilder.Redirect.INHERIT);
            Map<String, String> env = builder.environment();
            env.clear();
            env.putAll(session.world().env());
            env.remove("ZILLIZ_CONTEXT");
            env.put("ZILLIZ_ENDPOINT", server.url().toString());
            env.put("ZILLIZ_API_KEY", token);
            env.put(
                    "ZILLIZ_CONFIG_DIR",
                    Files.createDirectory(work.resolve("config")).toString());
            env.put("PATH", bin + File.pathSeparator + session.world().env().getOrDefault("PATH", ""));
            Process process = builder.start();
            Thread out = pipe(process.getInputStream(), session.world().out());
            Thread err = pipe(process.getErrorStream(), session.world().err());
            try {
                int status = process.waitFor();
                out.join();
                err.join();
                return status;
            } catch (InterruptedException stop) {
                process.destroy();
                session.notice("Interrupted; the command was stopped.");
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
