package io.zrefresh.cli;

import io.zrefresh.api.ClientSettings;
import io.zrefresh.api.JdkHttpTransport;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.api.RetryPolicy;
import io.zrefresh.config.ConfigDirectory;
import io.zrefresh.config.ConfigException;
import io.zrefresh.config.ContextStore;
import io.zrefresh.config.SettingsResolver;
import io.zrefresh.config.Target;
import io.zrefresh.output.Ansi;
import io.zrefresh.output.OutputFormat;
import io.zrefresh.output.OutputSettings;
import io.zrefresh.output.Printer;
import io.zrefresh.output.ProgressPrinter;
import io.zrefresh.output.Query;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the commands of one run share, built from the global options when first needed: the
 * printer, the resolved target, the API client (whose HttpClient costs startup time, so only
 * commands that talk to the server make one), the error reporter.
 */
final class Session {

    private final Host host;
    private final RootCommand options;
    private final ContextStore contexts;
    private Printer printer;

    Session(Host host, RootCommand options) {
        this.host = host;
        this.options = options;
        this.contexts = new ContextStore(ConfigDirectory.from(host.env()));
    }

    Host host() {
        return host;
    }

    ContextStore contexts() {
        return contexts;
    }

    SettingsResolver resolver() {
        return new SettingsResolver(contexts, host.env());
    }

    ErrorReporter reporter() {
        return new ErrorReporter(host.err(), options.output == OutputFormat.JSON, options.debug);
    }

    /** The printer; an invalid --query is found here, before any request. */
    Printer printer() throws UsageException {
        if (printer == null) {
            Query query = null;
            if (options.query != null) {
                try {
                    query = Query.compile(options.query);
                } catch (IllegalArgumentException invalid) {
                    throw new UsageException(invalid.getMessage());
                }
            }
            boolean terminal = host.terminal().stdoutIsTerminal();
            OutputSettings settings = new OutputSettings(
                    options.output,
                    query,
                    !options.noHeader,
                    ansi(terminal),
                    () -> terminal ? host.terminal().width() : 0,
                    host.zone(),
                    host.clock());
            printer = new Printer(settings, host.out(), host.err());
        }
        return printer;
    }

    /** Colour only on a terminal, never with --no-color or NO_COLOR. */
    Ansi ansi(boolean onTerminal) {
        String noColor = host.env().get("NO_COLOR");
        return new Ansi(onTerminal && !options.noColor && (noColor == null || noColor.isEmpty()));
    }

    /** Progress of a wait on stderr: a live bar on a terminal, log lines elsewhere. */
    ProgressPrinter progress() {
        return host.terminal().stderrIsTerminal()
                ? ProgressPrinter.forTerminal(host.err(), ansi(true))
                : ProgressPrinter.forLog(host.err());
    }

    /** Endpoint, database and key for a command that talks to the server; warnings go to stderr. */
    Target target(String databaseFlag) throws ConfigException {
        Target target = resolver().resolve(options.context, options.endpoint, databaseFlag);
        target.warnings().forEach(host.err()::println);
        return target;
    }

    RefreshApi api(Target target) throws UsageException {
        if (options.requestTimeout.isZero() || options.requestTimeout.isNegative()) {
            throw new UsageException("--request-timeout must be longer than 0");
        }
        ClientSettings settings = new ClientSettings(
                target.endpoint(),
                target.apiKey(),
                options.requestTimeout,
                "zrefresh/" + VersionProvider.version(),
                options.debug ? host.err() : null);
        RetryPolicy retries = new RetryPolicy(
                options.retries(), () -> ThreadLocalRandom.current().nextDouble());
        return new RefreshApi(settings, new JdkHttpTransport(), retries, host.sleeper(), host.clock());
    }

    void notice(String message) {
        host.err().println(message);
    }
}
