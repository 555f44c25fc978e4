package io.zrefresh.cli;

import io.zrefresh.cli.shell.Shell;
import io.zrefresh.cli.shell.TerminalShell;
import io.zrefresh.output.OutputFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "shell",
        description = {
            "Interactive shell: every command without the 'zrefresh' prefix, with tab completion of commands, options, "
                    + "option values, context names and the collection names seen in list results.",
            "History is kept in the config directory (zrefresh_history). Leave with exit, quit or Ctrl-D. "
                    + "With piped stdin, runs its lines one by one."
        })
final class ShellCommand extends BaseCommand {

    @Override
    protected int run(Session session) throws IOException {
        RootCommand root = root();
        World world = session.world();
        Shell shell = new Shell(world, inheritedOptions(root), () -> Shell.prompt(world, root.context));
        if (!world.terminal().stdinIsTerminal()) {
            return shell.run(Shell.from(new BufferedReader(new InputStreamReader(world.in(), StandardCharsets.UTF_8))));
        }
        return TerminalShell.run(shell, world);
    }

    /** The global options the shell was started with, given again to each of its commands. */
    private static List<String> inheritedOptions(RootCommand root) {
        List<String> options = new ArrayList<>();
        if (root.output != OutputFormat.TABLE) {
            options.add("--output=" + root.output.id());
        }
        if (root.context != null) {
            options.add("--context=" + root.context);
        }
        if (root.endpoint != null) {
            options.add("--endpoint=" + root.endpoint);
        }
        if (!root.requestTimeout.equals(Duration.ofSeconds(60))) {
            options.add("--request-timeout=" + root.requestTimeout.toMillis() + "ms");
        }
        if (root.retries() != 3) {
            options.add("--retries=" + root.retries());
        }
        addFlag(options, root.noHeader, "--no-header");
        addFlag(options, root.noColor, "--no-color");
        addFlag(options, root.debug, "--debug");
        return options;
    }

    private static void addFlag(List<String> options, boolean set, String flag) {
        if (set) {
            options.add(flag);
        }
    }
}
