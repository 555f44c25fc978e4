package io.zrefresh.cli;

import io.zrefresh.api.RefreshApi;
import io.zrefresh.config.Target;
import io.zrefresh.job.JobId;
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
        waitOptions.validate();
        Target target = session.target(null);
        try (RefreshApi api = session.api(target)) {
            return Waiting.waitAndReport(
                    session,
                    waitOptions.waiter(api, session.world()),
                    jobId,
                    waitOptions.deadline(session.world().clock()));
        }
    }
}
