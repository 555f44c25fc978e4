package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.job.JobId;
import io.zrefresh.refresh.JobWaiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "wait",
        description = {
            "Block until a refresh job is RefreshCompleted (exit 0) or RefreshFailed (exit 8).",
            "Progress goes to stderr: a live bar on a terminal, a line per change elsewhere. "
                    + "With --timeout, exit 9 when it elapses (the job keeps running)."
        })
final class WaitCommand extends BaseCommand {

    @Option(
            names = "--job-id",
            required = true,
            paramLabel = "ID",
            converter = Converters.JobIdConverter.class,
            description = "The job to wait for.")
    JobId jobId;

    @Mixin
    WaitOptions waitOptions;

    @Override
    protected int run(Session session) throws Exception {
        try (RefreshApi api = session.api(session.target(null))) {
            JobWaiter waiter = session.waiter(api, waitOptions.policy());
            return new Outcomes(session).print(waiter.await(jobId, session.listener()));
        }
    }
}
