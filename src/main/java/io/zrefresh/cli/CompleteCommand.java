package io.zrefresh.cli;

import io.zrefresh.config.ConfigException;

/**
 * {@code zrefresh __complete contexts}: the values that completion scripts cannot know when they
 * are made, asked at TAB time. Hidden: it is the scripts' interface, not the user's. It prints
 * one value a line and nothing else, and exits 0 whatever the config holds, because an error
 * message would land in the middle of the user's command line.
 */
final class CompleteCommand extends GroupCommand {

    static final String NAME = "__complete";

    CompleteCommand() {
        super(NAME, "Print completion values for the shell scripts.", new Contexts().spec);
        spec.usageMessage().hidden(true).synopsisSubcommandLabel("WHAT");
    }

    static final class Contexts extends BaseCommand {
        Contexts() {
            super("contexts", "Print the context names of the config directory, one a line.");
        }

        @Override
        protected boolean reportsTheRun() {
            return false;
        }

        @Override
        protected int run(Session session) {
            try {
                session.contexts().names().forEach(session.world().out()::println);
            } catch (ConfigException unreadable) {
                // no names to offer: the same config error shows when a command uses it
            }
            return ExitCode.OK;
        }
    }
}
