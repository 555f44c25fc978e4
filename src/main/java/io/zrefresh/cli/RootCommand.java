package io.zrefresh.cli;

import io.zrefresh.cli.report.CiSystem;
import io.zrefresh.output.OutputFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code zrefresh}: the global options (accepted before or after the command name). Global options
 * are inherited, so every command shares these fields. The commands are added by {@link Commands}.
 */
@Command(
        name = "zrefresh",
        versionProvider = VersionProvider.class,
        description = {
            "Trigger, follow and guard refresh jobs of Milvus / Zilliz Cloud external collections.",
            "",
            "A refresh job re-syncs an external collection from its data lake source. zrefresh blocks a second refresh "
                    + "while one runs, waits with progress and a deadline, and exits with codes a pipeline can branch on."
        },
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (for wait/--wait: the job is RefreshCompleted)",
            "1:unexpected internal error",
            "2:usage: bad flag or value, invalid --query or --external-spec",
            "3:configuration: no endpoint, no API key, unreadable or malformed config file",
            "4:authentication or permission (HTTP 401/403, codes 1800, 80001)",
            "5:the server answered with an error",
            "6:network: no answer (refused, reset, timed out) after retries",
            "7:an active refresh job blocks the trigger",
            "8:the waited job ended RefreshFailed",
            "9:--timeout elapsed before the job ended",
            "130:interrupted (Ctrl-C); a job being waited for keeps running",
            "143:stopped by SIGTERM, as by Ctrl-C"
        },
        // the footer's lines (environment and files) come from EnvironmentAndFiles, set by Cli.create
        footerHeading = "%nEnvironment:%n")
public final class RootCommand implements Callable<Integer> {

    private final World world;
    private Session session;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-o", "--output"},
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            defaultValue = "table",
            converter = Converters.FormatConverter.class,
            completionCandidates = Candidates.Formats.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(
            names = "--query",
            scope = ScopeType.INHERIT,
            paramLabel = "EXPR",
            description = "JMESPath expression applied to the value -o json would print, before formatting.")
    String query;

    @Option(names = "--no-header", scope = ScopeType.INHERIT, description = "No header row in table and csv output.")
    boolean noHeader;

    @Option(
            names = "--context",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            completionCandidates = Candidates.ContextNames.class,
            description = "Context (config section) to use; env ZILLIZ_CONTEXT; default: default.")
    String context;

    @Option(
            names = "--endpoint",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            converter = Converters.EndpointConverter.class,
            description =
                    "Cluster or project endpoint; env ZILLIZ_ENDPOINT; overrides the context's. Under 'context set': the endpoint to write.")
    URI endpoint;

    @Option(
            names = "--request-timeout",
            scope = ScopeType.INHERIT,
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = Converters.DurationConverter.class,
            description = "Timeout of each HTTP request (default: ${DEFAULT-VALUE}; connecting: 30s).")
    Duration requestTimeout;

    private int retries;

    @Option(
            names = "--no-color",
            scope = ScopeType.INHERIT,
            description = "No ANSI colour (also when NO_COLOR is set or stdout is not a terminal).")
    boolean noColor;

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description =
                    "Trace each HTTP exchange on stderr (the credential shows as Bearer ***); stack traces of errors.")
    boolean debug;

    @Option(
            names = "--ci",
            scope = ScopeType.INHERIT,
            paramLabel = "SYSTEM",
            converter = Converters.CiConverter.class,
            completionCandidates = Candidates.CiSystems.class,
            description = "CI system to report to: ${COMPLETION-CANDIDATES}; env ZREFRESH_CI; default: auto (github "
                    + "when GITHUB_ACTIONS=true, gitlab when GITLAB_CI=true). Step summary, outputs, annotations, "
                    + "log groups; stdout never changes.")
    CiSystem ci;

    @Option(
            names = "--events",
            scope = ScopeType.INHERIT,
            paramLabel = "PATH",
            converter = Converters.PathConverter.class,
            description = "Write events (start, guard, triggered, skipped, poll-error, state, finished) as JSON Lines "
                    + "to this file, created or truncated at start; - for stderr.")
    Path events;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            scope = ScopeType.INHERIT,
            description = "Print the version and exit.")
    boolean version;

    public RootCommand(World world) {
        this.world = world;
    }

    @Option(
            names = "--retries",
            scope = ScopeType.INHERIT,
            paramLabel = "N",
            defaultValue = "3",
            description = "Attempts of retryable calls (describe, list; a refresh only when it surely did not arrive); "
                    + "default: ${DEFAULT-VALUE}.")
    void setRetries(int attempts) {
        if (attempts < 1) {
            throw new ParameterException(spec.commandLine(), "--retries must be at least 1, got " + attempts);
        }
        this.retries = attempts;
    }

    int retries() {
        return retries;
    }

    World world() {
        return world;
    }

    /** The state of this run, made on first use (after parsing, so it sees the options). */
    Session session() {
        if (session == null) {
            session = new Session(world, this);
        }
        return session;
    }

    /** No command: the help, on stdout. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
