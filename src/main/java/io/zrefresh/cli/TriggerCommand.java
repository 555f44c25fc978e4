package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.config.Target;
import io.zrefresh.refresh.OnActive;
import io.zrefresh.refresh.TriggerFlow;
import io.zrefresh.refresh.TriggerRequest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

final class TriggerCommand extends BaseCommand {

    static final String NAME = "trigger";

    List<String> names;
    final DatabaseOption database;
    String externalSource;
    String externalSpec;
    OnActive onActive;
    boolean force;
    Duration ifOlderThan;
    boolean waitForJob;
    final WaitOptions waitOptions;

    TriggerCommand() {
        super(
                NAME,
                "Start a refresh job of an external collection; prints {\"jobId\": N}.",
                "Guarded: when a job of the collection is pending or running, nothing is sent and --on-active decides "
                        + "(default: exit 7). A refresh is never sent twice, even when its answer is lost.",
                "With several --name, each collection is guarded and triggered on its own, --wait follows all jobs at "
                        + "once, and stdout holds one record per collection: {\"records\":[{\"collectionName\":..,"
                        + "\"outcome\":..,\"jobId\":..}]} (outcome: triggered, skipped-active, skipped-fresh, blocked, "
                        + "error); the exit code is the most severe of the collections' (4, 5, 6, 8, 9, 7).");
        spec.addOption(Specs.strings(value -> names = value, "--name")
                .required(true)
                .paramLabel("COLLECTION")
                .completionCandidates(new Candidates.CollectionNames())
                .description("The external collection to refresh; repeat it for several (a name given twice counts "
                        + "once).")
                .build());
        database = new DatabaseOption(spec);
        spec.addOption(Specs.option(String.class, value -> externalSource = value, "--external-source")
                .paramLabel("SOURCE")
                .description("New external source (e.g. s3://bucket/path/); needs --external-spec.")
                .build());
        spec.addOption(Specs.option(String.class, value -> externalSpec = value, "--external-spec")
                .paramLabel("JSON")
                .completionCandidates(new Candidates.SpecFiles())
                .description("New external spec: a JSON object inline, @file.json, or @- for stdin; needs "
                        + "--external-source.")
                .build());
        spec.addOption(Specs.option(OnActive.class, value -> onActive = value, "--on-active")
                .paramLabel("ACTION")
                .defaultValue("fail")
                .converters(new Converters.OnActiveConverter())
                .completionCandidates(new Candidates.OnActiveActions())
                .description("When a job of the collection is active: fail (exit 7), wait for it then trigger, "
                        + "or skip (report the active job). Default: fail.")
                .build());
        spec.addOption(Specs.flag(value -> force = value, "--force")
                .description("Skip zrefresh's check for an active job (the server's own refusal still applies).")
                .build());
        spec.addOption(Specs.option(Duration.class, value -> ifOlderThan = value, "--if-older-than")
                .paramLabel("DURATION")
                .converters(new Converters.DurationConverter())
                .description("Refresh only when the newest completed refresh ended at least this long ago; otherwise "
                        + "send nothing, print that job's id (with --wait, the job) and exit 0. Active jobs are "
                        + "handled first.")
                .build());
        spec.addOption(Specs.flag(value -> waitForJob = value, "--wait")
                .description("Wait for the job to end and print it (exit 0, 8 if it failed, 9 on --timeout).")
                .build());
        waitOptions = new WaitOptions(spec);
    }

    @Override
    protected int run(Session session) throws Exception {
        if (names.contains("")) {
            throw new UsageException("--name must not be empty");
        }
        if ((externalSource == null) != (externalSpec == null)) {
            throw new UsageException("--external-source and --external-spec must be given both or neither");
        }
        Set<String> collections = new LinkedHashSet<>();
        for (String name : names) {
            if (!collections.add(name)) {
                session.notice("--name " + name + " is given more than once; it is refreshed and reported once.");
            }
        }
        String spec = externalSpec == null
                ? null
                : ExternalSpec.compact(externalSpec, session.world().in());
        Target target = session.target(database.database);
        TriggerRequest request = new TriggerRequest(
                target.endpoint().toString(),
                target.database(),
                names.get(0),
                externalSource,
                spec,
                onActive,
                force,
                ifOlderThan,
                waitForJob);
        boolean several = names.size() > 1;
        try (RefreshApi api = session.api(target)) {
            TriggerFlow flow = new TriggerFlow(
                    api, session.waiter(api, waitOptions.policy()), session.locks(), session.listener(several));
            Outcomes outcomes = new Outcomes(session);
            if (!several) {
                return outcomes.print(flow.run(request), waitForJob);
            }
            return outcomes.printAll(
                    flow.runAll(collections.stream().map(request::forCollection).toList()), waitForJob);
        }
    }
}
