package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.config.Target;
import io.zrefresh.refresh.OnActive;
import io.zrefresh.refresh.TriggerFlow;
import io.zrefresh.refresh.TriggerRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "trigger",
        description = {
            "Start a refresh job of an external collection; prints {\"jobId\": N}.",
            "Guarded: when a job of the collection is pending or running, nothing is sent and --on-active decides (default: exit 7). "
                    + "A refresh is never sent twice, even when its answer is lost."
        })
final class TriggerCommand extends BaseCommand {

    @Option(
            names = "--name",
            required = true,
            paramLabel = "COLLECTION",
            completionCandidates = Candidates.CollectionNames.class,
            description = "The external collection to refresh.")
    String name;

    @Mixin
    DatabaseOption database;

    @Option(
            names = "--external-source",
            paramLabel = "SOURCE",
            description = "New external source (e.g. s3://bucket/path/); needs --external-spec.")
    String externalSource;

    @Option(
            names = "--external-spec",
            paramLabel = "JSON",
            completionCandidates = Candidates.SpecFiles.class,
            description =
                    "New external spec: a JSON object inline, @file.json, or @- for stdin; needs --external-source.")
    String externalSpec;

    @Option(
            names = "--on-active",
            paramLabel = "ACTION",
            defaultValue = "fail",
            converter = Converters.OnActiveConverter.class,
            completionCandidates = Candidates.OnActiveActions.class,
            description = "When a job of the collection is active: fail (exit 7), wait for it then trigger, "
                    + "or skip (report the active job). Default: fail.")
    OnActive onActive;

    @Option(
            names = "--force",
            description = "Skip zrefresh's check for an active job (the server's own refusal still applies).")
    boolean force;

    @Option(
            names = "--wait",
            description = "Wait for the job to end and print it (exit 0, 8 if it failed, 9 on --timeout).")
    boolean waitForJob;

    @Mixin
    WaitOptions waitOptions;

    @Override
    protected int run(Session session) throws Exception {
        if (name.isEmpty()) {
            throw new UsageException("--name must not be empty");
        }
        if ((externalSource == null) != (externalSpec == null)) {
            throw new UsageException("--external-source and --external-spec must be given both or neither");
        }
        String spec = externalSpec == null
                ? null
                : ExternalSpec.compact(externalSpec, session.world().in());
        Target target = session.target(database.database);
        TriggerRequest request = new TriggerRequest(
                target.endpoint().toString(),
                target.database(),
                name,
                externalSource,
                spec,
                onActive,
                force,
                waitForJob);
        try (RefreshApi api = session.api(target)) {
            TriggerFlow flow = new TriggerFlow(
                    api, session.waiter(api, waitOptions.policy()), session.locks(), session.listener());
            return new Outcomes(session).print(flow.run(request));
        }
    }
}
