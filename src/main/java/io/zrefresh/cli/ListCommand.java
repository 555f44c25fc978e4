package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.config.Target;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobList;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List refresh jobs, newest first.")
final class ListCommand extends BaseCommand {

    @Option(
            names = "--name",
            paramLabel = "COLLECTION",
            completionCandidates = Candidates.CollectionNames.class,
            description = "Only the jobs of this collection.")
    String name;

    @Mixin
    DatabaseOption database;

    @Option(names = "--active", description = "Only jobs that are RefreshPending or RefreshInProgress.")
    boolean active;

    @Override
    protected int run(Session session) throws Exception {
        if (name != null && name.isEmpty()) {
            throw new UsageException("--name must not be empty");
        }
        Target target = session.target(database.database);
        try (RefreshApi api = session.api(target)) {
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
}
