package io.zrefresh.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A command that only groups others: without one of them, it is a usage error. */
abstract class GroupCommand implements Callable<Integer> {

    final CommandSpec spec;

    /** {@code commands}: the specs of the commands of the group, in the order of its help. */
    GroupCommand(String name, String description, CommandSpec... commands) {
        spec = Specs.command(this, name, description);
        spec.usageMessage().synopsisSubcommandLabel("COMMAND");
        for (CommandSpec command : commands) {
            spec.addSubcommand(command.name(), command);
        }
    }

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing a command: one of "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
