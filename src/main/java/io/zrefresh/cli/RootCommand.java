package io.zrefresh.cli;

import io.zrefresh.cli.report.CiSystem;
import io.zrefresh.output.OutputFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * {@code zrefresh}: the global options (accepted before or after the command name). Global options
 * are inherited, so every command shares these fields. The commands are added by {@link Commands}.
 */
public final class RootCommand implements Callable<Integer> {

    static final String NAME = "zrefresh";

    private final World world;
    private Session session;
    final CommandSpec spec;

    OutputFormat output;
    String query;
    boolean noHeader;
    String context;
    URI endpoint;
    Duration requestTimeout;
    private int retries;
    boolean noColor;
    boolean debug;
    CiSystem ci;
    Path events;

    public RootCommand(World world) {
        this.world = world;
        spec = Specs.command(
                this,
                NAME,
                "Trigger, follow and guard refresh jobs of Milvus / Zilliz Cloud external collections.",
                "",
                "A refresh job re-syncs an external collection from its data lake source. zrefresh blocks a "
                        + "second refresh while one runs, waits with progress and a deadline, and exits with "
                        + "codes a pipeline can branch on.");
        spec.usageMessage()
                .synopsisSubcommandLabel("COMMAND")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes())
                // the footer's lines (environment and files) come from EnvironmentAndFiles, set by Cli.create
                .footerHeading("%nEnvironment:%n");
        global(Specs.option(OutputFormat.class, value -> output = value, "-o", "--output")
                .paramLabel("FORMAT")
                .defaultValue("table")
                .converters(new Converters.FormatConverter())
                .completionCandidates(new Candidates.Formats())
                .description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})."));
        global(Specs.option(String.class, value -> query = value, "--query")
                .paramLabel("EXPR")
                .description("JMESPath expression applied to the value -o json would print, before formatting."));
        global(Specs.flag(value -> noHeader = value, "--no-header")
                .description("No header row in table and csv output."));
        global(Specs.option(String.class, value -> context = value, "--context")
                .paramLabel("NAME")
                .completionCandidates(new Candidates.ContextNames())
                .description("Context (config section) to use; env ZILLIZ_CONTEXT; default: default."));
        global(Specs.option(URI.class, value -> endpoint = value, "--endpoint")
                .paramLabel("URL")
                .converters(new Converters.EndpointConverter())
                .description("Cluster or project endpoint; env ZILLIZ_ENDPOINT; overrides the context's. Under "
                        + "'context set': the endpoint to write."));
        global(Specs.option(Duration.class, value -> requestTimeout = value, "--request-timeout")
                .paramLabel("DURATION")
                .defaultValue("60s")
                .converters(new Converters.DurationConverter())
                .description("Timeout of each HTTP request (default: ${DEFAULT-VALUE}; connecting: 30s)."));
        global(Specs.option(int.class, this::setRetries, "--retries")
                .paramLabel("N")
                .defaultValue("3")
                .description("Attempts of retryable calls (describe, list; a refresh only when it surely did not "
                        + "arrive); default: ${DEFAULT-VALUE}."));
        global(Specs.flag(value -> noColor = value, "--no-color")
                .description("No ANSI colour (also when NO_COLOR is set or stdout is not a terminal)."));
        global(Specs.flag(value -> debug = value, "--debug")
                .description("Trace each HTTP exchange on stderr (the credential shows as Bearer ***); stack "
                        + "traces of errors."));
        global(Specs.option(CiSystem.class, value -> ci = value, "--ci")
                .paramLabel("SYSTEM")
                .converters(new Converters.CiConverter())
                .completionCandidates(new Candidates.CiSystems())
                .description("CI system to report to: ${COMPLETION-CANDIDATES}; env ZREFRESH_CI; default: auto "
                        + "(github when GITHUB_ACTIONS=true, gitlab when GITLAB_CI=true). Step summary, outputs, "
                        + "annotations, log groups; stdout never changes."));
        global(Specs.option(Path.class, value -> events = value, "--events")
                .paramLabel("PATH")
                .converters(new Converters.PathConverter())
                .description("Write events (start, guard, triggered, skipped, poll-error, state, finished) as JSON "
                        + "Lines to this file, created or truncated at start; - for stderr."));
        global(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit."));
        global(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print the version and exit."));
    }

    /** Adds an option that every command takes. */
    private void global(OptionSpec.Builder option) {
        spec.addOption(option.scopeType(ScopeType.INHERIT).build());
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "success (for wait/--wait: the job is RefreshCompleted)");
        codes.put("1", "unexpected internal error");
        codes.put("2", "usage: bad flag or value, invalid --query or --external-spec");
        codes.put("3", "configuration: no endpoint, no API key, unreadable or malformed config file");
        codes.put("4", "authentication or permission (HTTP 401/403, codes 1800, 80001)");
        codes.put("5", "the server answered with an error");
        codes.put("6", "network: no answer (refused, reset, timed out) after retries");
        codes.put("7", "an active refresh job blocks the trigger");
        codes.put("8", "the waited job ended RefreshFailed");
        codes.put("9", "--timeout elapsed before the job ended");
        codes.put("130", "interrupted (Ctrl-C); a job being waited for keeps running");
        codes.put("143", "stopped by SIGTERM, as by Ctrl-C");
        return codes;
    }

    private void setRetries(int attempts) {
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
