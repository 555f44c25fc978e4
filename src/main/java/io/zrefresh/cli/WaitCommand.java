package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.config.Target;
import io.zrefresh.job.JobId;
import io.zrefresh.refresh.JobWaiter;
import io.zrefresh.refresh.WaitResult;
import java.util.Optional;

final class WaitCommand extends BaseCommand {

    static final String NAME = "wait";

    JobId jobId;
    String name;
    final DatabaseOption database;
    final WaitOptions waitOptions;

    WaitCommand() {
        super(
                NAME,
                "Block until a refresh job is RefreshCompleted (exit 0) or RefreshFailed (exit 8).",
                "Progress goes to stderr: a live bar on a terminal, a line per change elsewhere. "
                        + "With --timeout, exit 9 when it elapses (the job keeps running).",
                "With --name instead of --job-id: the collection's newest active job; when none is active, its newest "
                        + "job is printed at once and its state decides the exit code (no job at all: exit 5).");
        spec.addOption(Specs.option(JobId.class, value -> jobId = value, "--job-id")
                .paramLabel("ID")
                .converters(new Converters.JobIdConverter())
                .description("The job to wait for.")
                .build());
        spec.addOption(Specs.option(String.class, value -> name = value, "--name")
                .paramLabel("COLLECTION")
                .completionCandidates(new Candidates.CollectionNames())
                .description("Wait for this collection's newest active job instead (no job id to pass between steps).")
                .build());
        database = new DatabaseOption(spec);
        waitOptions = new WaitOptions(spec);
    }

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
