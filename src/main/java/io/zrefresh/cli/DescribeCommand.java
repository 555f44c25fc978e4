package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.job.JobId;
import io.zrefresh.output.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe", description = "Show one refresh job: state, progress, source, times.")
final class DescribeCommand extends BaseCommand {

    @Option(
            names = "--job-id",
            required = true,
            paramLabel = "ID",
            converter = Converters.JobIdConverter.class,
            description = "The job id that trigger printed (a number, or a string id on some project endpoints).")
    JobId jobId;

    @Override
    protected int run(Session session) throws Exception {
        try (RefreshApi api = session.api(session.target(null))) {
            session.printer().print(api.describe(jobId).node(), Shape.JOB);
        }
        return ExitCode.OK;
    }
}
