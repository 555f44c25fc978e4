package io.zrefresh.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code zrefresh help [COMMAND...]}: the same help as {@code --help}, for a command path of any depth. */
final class HelpCommand implements Callable<Integer> {

    static final String NAME = "help";

    final CommandSpec spec;
    List<String> path = new ArrayList<>();

    HelpCommand() {
        spec = Specs.command(
                this, NAME, "Show the help of zrefresh, or of a command (e.g. zrefresh help context set).");
        spec.addPositional(Specs.positionals(value -> path = value)
                .arity("0..*")
                .paramLabel("COMMAND")
                .completionCandidates(new Candidates.CommandNames())
                .description("The command, and its subcommand if it has some (e.g. context set).")
                .build());
    }

    @Override
    public Integer call() {
        CommandLine command = spec.root().commandLine();
        List<String> walked = new ArrayList<>();
        for (String name : path) {
            walked.add(name);
            command = command.getSubcommands().get(name);
            if (command == null || command.getCommandSpec().usageMessage().hidden()) {
                // the commands are listed by the root's help, which the error's hint names
                throw new ParameterException(
                        spec.root().commandLine(), "Unknown command: 'zrefresh " + String.join(" ", walked) + "'");
            }
        }
        command.usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
