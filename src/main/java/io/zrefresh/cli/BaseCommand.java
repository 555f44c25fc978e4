package io.zrefresh.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command of zrefresh: parsing is picocli's, the work is {@link #run}'s, and every failure goes
 * to the one error reporter through picocli's execution exception handler.
 */
abstract class BaseCommand implements Callable<Integer> {

    final CommandSpec spec;

    BaseCommand(String name, String... description) {
        spec = Specs.command(this, name, description);
    }

    @Override
    public final Integer call() throws Exception {
        Session session = root().session();
        // The printer compiles --query: an invalid one is a usage error before anything is sent.
        session.printer();
        if (!reportsTheRun()) {
            return run(session);
        }
        session.start(spec.qualifiedName(" ").substring(spec.root().name().length() + 1));
        try {
            int exitCode = run(session);
            session.finish(exitCode);
            return exitCode;
        } catch (Exception failure) {
            session.finish(ErrorReporter.problemOf(failure).exitCode());
            throw failure;
        }
    }

    /**
     * Whether the run goes to --events and the CI report, which checks ZREFRESH_CI first; the
     * commands that print completion scripts and values for them neither report nor check.
     */
    protected boolean reportsTheRun() {
        return true;
    }

    /** The root command, which holds the global options. */
    protected RootCommand root() {
        return (RootCommand) spec.root().userObject();
    }

    /** Checks flags, then does the work; returns the exit code. */
    protected abstract int run(Session session) throws Exception;
}
