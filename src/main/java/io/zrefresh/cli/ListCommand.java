package io.zrefresh.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.zrefresh.api.ApiException;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.config.Target;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.job.JobList;
import io.zrefresh.json.Json;
import io.zrefresh.output.OutputFormat;
import io.zrefresh.output.Printer;
import io.zrefresh.output.SummaryTable;
import io.zrefresh.refresh.JobWaiter;
import io.zrefresh.refresh.WaitPolicy;
import io.zrefresh.time.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.ParseResult;

final class ListCommand extends BaseCommand {

    static final String NAME = "list";

    /** Home and clear: the terminal's table is drawn afresh at each poll. */
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    String name;
    final DatabaseOption database;
    boolean active;
    boolean watch;
    Duration interval;
    boolean untilIdle;
    Duration maxOutage;

    ListCommand() {
        super(
                NAME,
                "List refresh jobs, newest first.",
                "With --watch, poll the list: on a terminal the table is redrawn in place until Ctrl-C; otherwise (or "
                        + "with -o json) one compact JSON line per job that appears or changes (--query applies to "
                        + "each). --until-idle ends the watch once no listed job is pending or running.");
        spec.addOption(Specs.option(String.class, value -> name = value, "--name")
                .paramLabel("COLLECTION")
                .completionCandidates(new Candidates.CollectionNames())
                .description("Only the jobs of this collection.")
                .build());
        database = new DatabaseOption(spec);
        spec.addOption(Specs.flag(value -> active = value, "--active")
                .description("Only jobs that are RefreshPending or RefreshInProgress.")
                .build());
        spec.addOption(Specs.flag(value -> watch = value, "--watch")
                .description("Poll the list and show jobs as they appear and change.")
                .build());
        spec.addOption(Specs.option(Duration.class, value -> interval = value, "--interval")
                .paramLabel("DURATION")
                .defaultValue("2s")
                .converters(new Converters.PollIntervalConverter())
                .description("With --watch: time between two lists (default: ${DEFAULT-VALUE}, minimum: "
                        + Durations.brief(WaitPolicy.MIN_POLL_INTERVAL) + ").")
                .build());
        spec.addOption(Specs.flag(value -> untilIdle = value, "--until-idle")
                .description("With --watch: end (exit 0) once no job in the listed scope is pending or running.")
                .build());
        spec.addOption(Specs.option(Duration.class, value -> maxOutage = value, "--max-outage")
                .paramLabel("DURATION")
                .defaultValue("5m")
                .converters(new Converters.DurationConverter())
                .description("With --watch: how long lists may fail (server unreachable, 5xx, rate limited) before "
                        + "the watch gives up with exit 6 (default: ${DEFAULT-VALUE}).")
                .build());
    }

    @Override
    protected int run(Session session) throws Exception {
        if (name != null && name.isEmpty()) {
            throw new UsageException("--name must not be empty");
        }
        ParseResult parsed = spec.commandLine().getParseResult();
        for (String withWatchOnly : List.of("--interval", "--until-idle", "--max-outage")) {
            if (!watch && parsed.hasMatchedOption(withWatchOnly)) {
                throw new UsageException(withWatchOnly + " goes with --watch");
            }
        }
        Target target = session.target(database.database);
        try (RefreshApi api = session.api(target)) {
            if (watch) {
                return watch(session, api, target);
            }
            JobList jobs = api.list(target.database(), name);
            Set<String> seen = session.world().seenCollections();
            // The filter sees every record as it streams by: the one place to note collection names for the shell.
            session.printer().printList(jobs.data(), record -> {
                String collection = record.path(Job.COLLECTION).asText("");
                if (!collection.isEmpty()) {
                    seen.add(collection);
                }
                return !active || new Job(record).state().isActive();
            });
        }
        return ExitCode.OK;
    }

    /**
     * list --watch. On a terminal with a table, the table is redrawn at each poll and Ctrl-C ends
     * the watch well; otherwise each job that appears or changes is a line, as it comes.
     */
    private int watch(Session session, RefreshApi api, Target target) throws Exception {
        World world = session.world();
        boolean redraw = world.terminal().stdoutIsTerminal() && root().output == OutputFormat.TABLE;
        JobWaiter waiter = session.waiter(api, new WaitPolicy(interval, null, maxOutage, null));
        Watched watched = new Watched();
        Printer printer = session.printer();
        JobWaiter.ListObserver observer = (jobs, changed) -> {
            watched.note(jobs);
            if (redraw) {
                PrintStream out = world.out();
                out.print(CLEAR_SCREEN);
                printer.printList(
                        jobs.data(),
                        record -> !active || new Job(record).state().isActive());
                session.notice("Every " + Durations.brief(interval) + ": refresh jobs"
                        + (name == null ? "" : " of " + name) + " in " + target.database() + ". Ctrl-C to stop.");
            } else {
                for (Job job : changed) {
                    // --active: a job shown while active is shown once more when it ends.
                    if (!active || job.state().isActive() || watched.shown.contains(job.id())) {
                        watched.shown.add(job.id());
                        printer.printLine(job.node());
                    }
                }
            }
        };
        Optional<ApiException> outage;
        try {
            outage = waiter.watch(target.database(), name, untilIdle, observer, session.watchListener());
        } catch (InterruptedException interrupted) {
            if (!redraw) {
                throw interrupted;
            }
            // Ctrl-C is how a watch on a terminal ends.
            outage = Optional.empty();
        }
        reportToCi(session, watched);
        if (outage.isPresent()) {
            ApiException failure = outage.get();
            return session.reporter()
                    .report(new Problem(
                            ExitCode.NETWORK,
                            "Gave up watching refresh jobs: " + failure.getMessage()
                                    + " (unreachable for --max-outage); jobs may still be running.",
                            failure.serverCode().orElse(null),
                            null,
                            failure.traceId().orElse(null)));
        }
        return ExitCode.OK;
    }

    /** The CI report of a watch: the jobs that were pending or running at some poll, as last seen. */
    private static void reportToCi(Session session, Watched watched) {
        List<Job> jobs = watched.wereActive();
        long now = session.world().clock().millis();
        ArrayNode nodes = Json.array();
        jobs.forEach(job -> nodes.add(job.node()));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("jobs", Json.compact(nodes));
        session.ci()
                .report(
                        "zrefresh list --watch",
                        jobs.stream().map(job -> SummaryTable.Row.of(job, now)).toList(),
                        outputs);
    }

    /** What a watch has seen: the last answer, and which jobs were ever active or shown. */
    private static final class Watched {
        private JobList last;
        private final Set<JobId> active = new HashSet<>();
        private final Set<JobId> shown = new HashSet<>();

        void note(JobList jobs) {
            last = jobs;
            jobs.records().stream().filter(job -> !job.state().isTerminal()).forEach(job -> active.add(job.id()));
        }

        List<Job> wereActive() {
            List<Job> jobs = new ArrayList<>();
            if (last != null) {
                last.records().stream().filter(job -> active.contains(job.id())).forEach(jobs::add);
            }
            return jobs;
        }
    }
}
