package io.zrefresh.cli;

import io.zrefresh.config.ConfigException;
import picocli.CommandLine.Command;

/**
 * {@code zrefresh __complete contexts}: the values that completion scripts cannot know when they
 * are made, asked at TAB time. Hidden: it is the scripts' interface, not the user's. It prints
 * one value a line and nothing else, and exits 0 whatever the config holds, because an error
 * message would land in the middle of the user's command line.
 */
@Command(
        name = "__complete",
        hidden = true,
        description = "Print completion values for the shell scripts.",
        synopsisSubcommandLabel = "WHAT",
        subcommands = CompleteCommand.Contexts.class)
final class CompleteCommand extends GroupCommand {

    @Command(name = "contexts", description = "Print the context names of the config directory, one a line.")
    static final class Contexts extends BaseCommand {
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
