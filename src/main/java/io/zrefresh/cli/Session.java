package io.zrefresh.cli;

import io.zrefresh.api.ClientSettings;
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

    private final World world;
    private final RootCommand options;
    private final ContextStore contexts;
    private Printer printer;

    Session(World world, RootCommand options) {
        this.world = world;
        this.options = options;
        this.contexts = new ContextStore(ConfigDirectory.from(world.env()));
    }

    World world() {
        return world;
    }

    ContextStore contexts() {
        return contexts;
    }

    SettingsResolver resolver() {
        return new SettingsResolver(contexts, world.env());
    }

    ErrorReporter reporter() {
        return new ErrorReporter(world.err(), options.output == OutputFormat.JSON, options.debug);
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
            boolean terminal = world.terminal().stdoutIsTerminal();
            OutputSettings settings = new OutputSettings(
                    options.output,
                    query,
                    !options.noHeader,
                    ansi(terminal),
                    () -> terminal ? world.terminal().width() : 0,
                    world.zone(),
                    world.clock());
            printer = new Printer(settings, world.out(), world.err());
        }
        return printer;
    }

    /** Colour only on a terminal, never with --no-color or NO_COLOR. */
    Ansi ansi(boolean onTerminal) {
        String noColor = world.env().get("NO_COLOR");
        return new Ansi(onTerminal && !options.noColor && (noColor == null || noColor.isEmpty()));
    }

    /** Progress of a wait on stderr: a live bar on a terminal, log lines elsewhere. */
    ProgressPrinter progress() {
        return world.terminal().stderrIsTerminal()
                ? ProgressPrinter.forTerminal(world.err(), ansi(true))
                : ProgressPrinter.forLog(world.err());
    }

    /** Endpoint, database and key for a command that talks to the server; warnings go to stderr. */
    Target target(String databaseFlag) throws ConfigException {
        Target target = resolver().resolve(options.context, options.endpoint, databaseFlag);
        target.warnings().forEach(world.err()::println);
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
                options.debug ? world.err() : null);
        RetryPolicy retries = new RetryPolicy(
                options.retries(), () -> ThreadLocalRandom.current().nextDouble());
        return new RefreshApi(settings, world.http().get(), retries, world.sleeper(), world.clock());
    }

    void notice(String message) {
        world.err().println(message);
    }
}
