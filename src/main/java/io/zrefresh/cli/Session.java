package io.zrefresh.cli;

import io.zrefresh.api.ClientSettings;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.api.RetryPolicy;
import io.zrefresh.cli.report.CiReport;
import io.zrefresh.cli.report.CiSystem;
import io.zrefresh.cli.report.EventLog;
import io.zrefresh.cli.report.EventsListener;
import io.zrefresh.config.ConfigDirectory;
import io.zrefresh.config.ConfigException;
import io.zrefresh.config.ContextStore;
import io.zrefresh.config.PrivateFiles;
import io.zrefresh.config.SettingsResolver;
import io.zrefresh.config.Target;
import io.zrefresh.output.Ansi;
import io.zrefresh.output.OutputFormat;
import io.zrefresh.output.OutputSettings;
import io.zrefresh.output.Printer;
import io.zrefresh.output.ProgressPrinter;
import io.zrefresh.output.Query;
import io.zrefresh.refresh.CollectionLocks;
import io.zrefresh.refresh.JobWaiter;
import io.zrefresh.refresh.RefreshListener;
import io.zrefresh.refresh.WaitPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * What the commands of one run share, built from the global options when first needed: the
 * printer, the resolved target, the API client (whose HttpClient costs startup time, so only
 * commands that talk to the server make one), the error reporter.
 */
final class Session {

    /** A W3C trace context as TRACEPARENT holds it: version (not ff), trace id, parent id (not zero), flags. */
    private static final Pattern TRACEPARENT =
            Pattern.compile("(?!ff)[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}(-[!-~]*)?");

    private final World world;
    private final RootCommand options;
    private final ContextStore contexts;
    /** Keys met in this run: no message may show them. */
    private final Set<String> secrets;

    private Printer printer;
    private CiReport ci;
    private EventLog events = EventLog.NONE;

    Session(World world, RootCommand options) {
        this.world = world;
        this.options = options;
        this.contexts = new ContextStore(ConfigDirectory.from(world.env()));
        this.secrets = keysOfTheEnvironment(world.env());
    }

    /** The keys a run knows before it reads anything: ZILLIZ_API_KEY's, which every error report masks. */
    static Set<String> keysOfTheEnvironment(Map<String, String> env) {
        Set<String> keys = new LinkedHashSet<>();
        addKey(keys, env.get(SettingsResolver.ENV_API_KEY));
        return keys;
    }

    private static void addKey(Set<String> keys, String key) {
        if (key != null && !key.isBlank()) {
            keys.add(key.strip());
        }
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
        return new ErrorReporter(world.err(), options.output == OutputFormat.JSON, debug(), ci(), secrets);
    }

    /**
     * A command begins: --ci and ZREFRESH_CI are checked, and the --events file is created (or
     * truncated) and gets its start event, all before any request.
     */
    void start(String command) throws ConfigException {
        try {
            CiSystem.resolve(options.ci, world.env());
        } catch (IllegalArgumentException invalid) {
            throw new ConfigException(invalid.getMessage());
        }
        if (options.events != null) {
            events = EventLog.open(options.events, world.err(), world.clock());
            events.start(command, VersionProvider.version());
        }
    }

    /** The command ended with this exit code: the last event. */
    void finish(int exitCode) {
        events.finished(exitCode);
        events.close();
    }

    /**
     * The CI system this run reports to. An invalid ZREFRESH_CI counts as none here, since errors
     * are reported through this too; {@link #start} refuses it.
     */
    CiReport ci() {
        if (ci == null) {
            ci = CiReport.of(ciSystem(), world.env(), world.err(), world.clock());
        }
        return ci;
    }

    private CiSystem ciSystem() {
        return CiSystem.resolveOrOff(options.ci, world.env());
    }

    /** --debug, or a GitHub Actions run in debug mode (RUNNER_DEBUG=1). */
    private boolean debug() {
        return options.debug
                || (ciSystem() == CiSystem.GITHUB && "1".equals(world.env().get("RUNNER_DEBUG")));
    }

    /** A key read or resolved in this run, which the error reporter then masks wherever it would show. */
    void secret(String key) {
        addKey(secrets, key);
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

    /**
     * Progress of waits on stderr: live lines on a terminal, log lines elsewhere.
     *
     * @param severalJobs several jobs are followed at once: each line names its collection
     */
    private ProgressPrinter progress(boolean severalJobs) {
        return world.terminal().stderrIsTerminal()
                ? ProgressPrinter.forTerminal(world.err(), ansi(true), world.terminal()::width, severalJobs)
                : ProgressPrinter.forLog(world.err(), severalJobs);
    }

    /** Endpoint, database and key for a command that talks to the server; warnings go to stderr. */
    Target target(String databaseFlag) throws ConfigException {
        Target target = resolver().resolve(options.context, options.endpoint, databaseFlag);
        secret(target.apiKey());
        target.warnings().forEach(world.err()::println);
        return target;
    }

    RefreshApi api(Target target) {
        ClientSettings settings = new ClientSettings(
                target.endpoint(),
                target.apiKey(),
                options.requestTimeout,
                "zrefresh/" + VersionProvider.version(),
                debug() ? new EscapingPrintStream(world.err()) : null,
                traceparent());
        RetryPolicy retries = new RetryPolicy(
                options.retries(), () -> ThreadLocalRandom.current().nextDouble());
        return new RefreshApi(settings, world.http().get(), retries, world.sleeper(), world.clock());
    }

    /** TRACEPARENT, to send as {@code traceparent}; a value that is not a W3C trace context is not sent. */
    private String traceparent() {
        String value = world.env().getOrDefault("TRACEPARENT", "").trim();
        if (value.isEmpty()) {
            return null;
        }
        if (!TRACEPARENT.matcher(value).matches()) {
            notice("TRACEPARENT is not a W3C trace context (00-<32 hex>-<16 hex>-<2 hex>); it is not sent.");
            return null;
        }
        return value;
    }

    /** All the waiting of this command, on the world's clock; --timeout counts from now. */
    JobWaiter waiter(RefreshApi api, WaitPolicy policy) {
        return new JobWaiter(api, world.clock(), world.sleeper(), policy);
    }

    /**
     * The guard's locks, in the config directory; when that cannot hold them (a read-only home),
     * in a directory of this user's in the temp directory, with a warning.
     */
    CollectionLocks locks() throws ConfigException {
        Path preferred = contexts.directory().locksDir();
        String why;
        try {
            return new CollectionLocks(contexts.directory().createLocksDir());
        } catch (IOException unusable) {
            why = PrivateFiles.reason(unusable, preferred);
        }
        try {
            Path fallback = ConfigDirectory.fallbackLocksDir();
            notice("Warning: cannot keep locks in " + preferred + ": " + why + "; using " + fallback + " instead.");
            return new CollectionLocks(fallback);
        } catch (IOException unusable) {
            throw new ConfigException("Cannot keep the locks of the overlap guard in " + preferred + " (" + why
                    + ") nor in the temp directory (" + unusable.getMessage() + "); make "
                    + contexts.directory().root() + " writable or set " + ConfigDirectory.ENV_CONFIG_DIR
                    + " to a directory of yours");
        }
    }

    /**
     * What a trigger or a wait shows as it works: progress and notices for people on stderr, in
     * the CI system's groups, and the --events stream.
     *
     * @param severalJobs several jobs may be followed at once: each progress line names its collection
     */
    RefreshListener listener(boolean severalJobs) {
        return withEvents(new StderrListener(world, progress(severalJobs), ci(), severalJobs));
    }

    /** What a watch of a list shows besides its stdout: notices of outages, and the --events stream. */
    RefreshListener watchListener() {
        return withEvents(new StderrListener(world, ProgressPrinter.silent(), ci(), true));
    }

    private RefreshListener withEvents(RefreshListener people) {
        return events.isOn() ? RefreshListener.all(List.of(people, new EventsListener(events))) : people;
    }

    void notice(String message) {
        world.err().println(message);
    }
}
