package io.zrefresh.cli;

import io.zrefresh.config.ConfigException;
import io.zrefresh.devserver.DevServer;
import io.zrefresh.devserver.DevServerOptions;
import io.zrefresh.time.Durations;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;

final class DevServerCommand extends BaseCommand {

    static final String NAME = "dev-server";

    Integer port;
    String token;
    Duration jobTime;
    boolean standardErrorStatus;
    String exec;

    DevServerCommand() {
        super(
                NAME,
                "Run the embedded simulator of the three refresh endpoints on 127.0.0.1, to try zrefresh without a "
                        + "cluster.",
                "Its example collections: ext_books (external), ext_broken (its refreshes fail), ext_new (no source "
                        + "yet), plain_coll (not external), and analytics.ext_events.",
                "With --exec, run COMMAND against it (ZILLIZ_ENDPOINT and ZILLIZ_API_KEY exported, this zrefresh on "
                        + "PATH, a fresh ZILLIZ_CONFIG_DIR), then stop and exit with COMMAND's status.");
        spec.addOption(Specs.option(Integer.class, value -> port = value, "--port")
                .paramLabel("N")
                .description("Port (default: " + DevServerOptions.DEFAULT_PORT
                        + "; with --exec: a free one; 0: a free one).")
                .build());
        spec.addOption(Specs.option(String.class, value -> token = value, "--token")
                .paramLabel("T")
                .defaultValue(DevServerOptions.DEFAULT_TOKEN)
                .description("API key the server accepts (default: ${DEFAULT-VALUE}).")
                .build());
        spec.addOption(Specs.option(Duration.class, value -> jobTime = value, "--job-time")
                .paramLabel("DURATION")
                .defaultValue(DevServerOptions.DEFAULT_JOB_TIME_SECONDS + "s")
                .converters(new Converters.DurationConverter())
                .description("How long a refresh job takes from Pending to Completed (default: ${DEFAULT-VALUE}).")
                .build());
        spec.addOption(Specs.flag(value -> standardErrorStatus = value, "--standard-error-status")
                .description("Answer business errors with their natural HTTP status (400, 401, 404, 429, 500) "
                        + "instead of 200, as a server with proxy.http.standardErrorStatus does.")
                .build());
        spec.addOption(Specs.option(String.class, value -> exec = value, "--exec")
                .paramLabel("COMMAND")
                .description("Shell command to run against the server.")
                .build());
    }

    @Override
    protected int run(Session session) throws Exception {
        if (port != null && (port < 0 || port > 65535)) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        DevServerOptions options = DevServerOptions.defaults()
                .withPort(port != null ? port : exec != null ? 0 : DevServerOptions.DEFAULT_PORT)
                .withToken(token)
                .withJobTime(jobTime)
                .withStandardErrorStatus(standardErrorStatus)
                .withLog(exec == null || root().debug ? session.world().err() : null);
        try (DevServer server = start(options)) {
            return exec == null ? serve(session, server) : ExecRunner.run(exec, server.url(), token, session.world());
        }
    }

    private static DevServer start(DevServerOptions options) throws IOException, ConfigException {
        try {
            return DevServer.start(options);
        } catch (BindException inUse) {
            throw new ConfigException("Port " + options.port()
                    + " is in use; stop what listens there, or pass --port 0 for a free port.");
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
}
