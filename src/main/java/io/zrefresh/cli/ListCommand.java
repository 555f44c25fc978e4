package io.zrefresh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zrefresh.api.Job;
import io.zrefresh.api.JobList;
import io.zrefresh.api.RefreshApi;
import io.zrefresh.config.Target;
import io.zrefresh.output.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List refresh jobs, newest first.")
final class ListCommand extends BaseCommand {

    @Option(names = "--name", paramLabel = "COLLECTION", description = "Only the jobs of this collection.")
    String name;

    @Option(names = "--database", paramLabel = "DB", description = "Database (default: the context's, else default).")
    String database;

    @Option(names = "--active", description = "Only jobs that are RefreshPending or RefreshInProgress.")
    boolean active;

    @Override
    protected int run(Session session) throws Exception {
        if (name != null && name.isEmpty()) {
            throw new UsageException("--name must not be empty");
        }
        Target target = session.target(database);
        try (RefreshApi api = session.api(target)) {
            JobList jobs = api.list(target.database(), name);
            jobs.records().forEach(job -> session.host().seenCollections().add(job.collectionName()));
            session.printer().print(active ? onlyActive(jobs) : jobs.data(), Shape.JOB_LIST);
        }
        return ExitCode.OK;
    }

    /** The server's data with only the active records; its other fields stay. */
    private static JsonNode onlyActive(JobList jobs) {
        ObjectNode data = ((ObjectNode) jobs.data()).deepCopy();
        ArrayNode records = data.putArray("records");
        jobs.records().stream().filter(job -> job.state().isActive()).map(Job::node).forEach(records::add);
        return data;
    }
}
