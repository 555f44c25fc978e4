package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.config.Target;
import io.zrefresh.job.JobId;
import io.zrefresh.refresh.JobWaiter;
import io.zrefresh.refresh.WaitResult;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "wait",
        description = {
            "Block until a refresh job is RefreshCompleted (exit 0) or RefreshFailed (exit 8).",
            "Progress goes to stderr: a live bar on a terminal, a line per change elsewhere. "
                    + "With --timeout, exit 9 when it elapses (the job keeps running).",
            "With --name instead of --job-id: the collection's newest active job; when none is active, its newest job "
                    + "is printed at once and its state decides the exit code (no job at all: exit 5)."
        })
final class WaitCommand extends BaseCommand {

    @Option(
            names = "--job-id",
            paramLabel = "ID",
            converter = Converters.JobIdConverter.class,
            description = "The job to wait for.")
    JobId jobId;

    @Option(
            names = "--name",
            paramLabel = "COLLECTION",
            completionCandidates = Candidates.CollectionNames.class,
            description = "Wait for this collection's newest active job instead (no job id to pass between steps).")
    String name;

    @Mixin
    DatabaseOption database;

    @Mixin
    WaitOptions waitOptions;

    @Override
    protected int run(Session session) throws Exception {
        if ((jobId == null) == (name == null)) {
            throw new UsageException("wait needs either --job-id or --name (not both)");
        }
        if (name != null && name.isEmpty()) {
            throw new UsageException("--name must not be empty");
        }
        if (jobId != null && database.database != null) {
            throw new UsageException("--database goes with --name (a job id names its job in any database)");
        }
        Target target = session.target(database.database);
        try (RefreshApi api = session.api(target)) {
            JobWaiter waiter = session.waiter(api, waitOptions.policy());
            Outcomes outcomes = new Outcomes(session);
            if (jobId != null) {
                return outcomes.print(waiter.await(jobId, session.listener(false)));
            }
            Optional<WaitResult> newest = waiter.awaitNewest(target.database(), name, session.listener(false));
            return newest.isPresent() ? outcomes.print(newest.get()) : outcomes.noJob(name, target.database());
        }
    }
}
