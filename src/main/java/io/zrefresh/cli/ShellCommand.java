package io.zrefresh.cli;

import io.zrefresh.cli.shell.Shell;
import io.zrefresh.cli.shell.TerminalShell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

final class ShellCommand extends BaseCommand {

    static final String NAME = "shell";

    ShellCommand() {
        super(
                NAME,
                "Interactive shell: every command without the 'zrefresh' prefix, with tab completion of commands, "
                        + "options, option values, context names, the collection names seen in list results and "
                        + "file names.",
                "History is kept in the config directory (zrefresh_history). Leave with exit, quit or Ctrl-D. "
                        + "With piped stdin, runs its lines one by one.");
    }

    @Override
    protected int run(Session session) throws IOException, UsageException {
        World world = session.world();
        String context = root().context;
        Shell shell = new Shell(world, inheritedOptions(), () -> Shell.prompt(world, context));
        if (!world.terminal().stdinIsTerminal()) {
            try {
                return shell.run(
                        Shell.from(new BufferedReader(new InputStreamReader(world.in(), StandardCharsets.UTF_8))));
            } catch (IOException unreadable) {
                throw new UsageException("shell: cannot read its commands: " + unreadable.getMessage());
            }
        }
        return TerminalShell.run(shell, world);
    }

    /**
     * The global options the shell was started with, as typed before or after {@code shell}, given
     * again to each of its commands.
     */
    private List<String> inheritedOptions() {
        List<String> options = new ArrayList<>();
        for (ParseResult parsed = spec.root().commandLine().getParseResult();
                parsed != null;
                parsed = parsed.subcommand()) {
            for (OptionSpec option : parsed.matchedOptions()) {
                if (option.scopeType() != ScopeType.INHERIT) {
                    continue;
                }
                if (option.arity().max() == 0) {
                    options.add(option.longestName());
                } else {
                    option.originalStringValues().forEach(value -> options.add(option.longestName() + "=" + value));
                }
            }
        }
        return options;
    }
}
