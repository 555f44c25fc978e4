package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.job.JobId;
import io.zrefresh.output.Shape;

final class DescribeCommand extends BaseCommand {

    static final String NAME = "describe";

    JobId jobId;

    DescribeCommand() {
        super(NAME, "Show one refresh job: state, progress, source, times.");
        spec.addOption(Specs.option(JobId.class, value -> jobId = value, "--job-id")
                .required(true)
                .paramLabel("ID")
                .converters(new Converters.JobIdConverter())
                .description("The job id that trigger printed (a number, or a string id on some project endpoints).")
                .build());
    }

    @Override
    protected int run(Session session) throws Exception {
        try (RefreshApi api = session.api(session.target(null))) {
            session.printer().print(api.describe(jobId).node(), Shape.JOB);
        }
        return ExitCode.OK;
    }
}
