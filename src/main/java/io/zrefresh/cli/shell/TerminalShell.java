package io.zrefresh.cli.shell;

import io.zrefresh.cli.Cli;
import io.zrefresh.cli.World;
import io.zrefresh.config.ConfigDirectory;
import java.io.IOException;
import java.nio.file.Files;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell on a terminal, with JLine. JLine is kept out of ShellCommand's signatures, so that
 * picocli's look at that class (on every run, --version included) loads none of it.
 */
public final class TerminalShell {

    private TerminalShell() {}

    public static int run(Shell shell, World world) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Thread commands = Thread.currentThread();
            // Ctrl-C while a command runs stops that command (at the prompt, JLine abandons the line).
            terminal.handle(Terminal.Signal.INT, signal -> commands.interrupt());
            return shell.run(Shell.from(reader(terminal, world)));
        }
    }

    static LineReader reader(Terminal terminal, World world) throws IOException {
        ConfigDirectory directory = ConfigDirectory.from(world.env());
        Files.createDirectories(directory.root());
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("zrefresh")
                .completer(new ShellCompleter(
                        () -> Cli.create(world).getCommandSpec(), directory, world.seenCollections()))
                .variable(LineReader.HISTORY_FILE, directory.historyFile())
                .build();
    }
}
