package io.zrefresh.cli.shell;

import io.zrefresh.cli.Cli;
import io.zrefresh.cli.World;
import io.zrefresh.config.ConfigDirectory;
import io.zrefresh.config.ConfigException;
import io.zrefresh.config.PrivateFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
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

    /** A reader with completion, and a history file in the config directory when there can be one. */
    static LineReader reader(Terminal terminal, World world) {
        ConfigDirectory directory = ConfigDirectory.from(world.env());
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("zrefresh")
                .completer(new ShellCompleter(
                        () -> Cli.create(world).getCommandSpec(), directory, world.seenCollections(), Path.of("")));
        Path history = directory.historyFile();
        try {
            directory.create();
            createPrivate(history);
            builder.variable(LineReader.HISTORY_FILE, history);
        } catch (ConfigException unusable) {
            world.err().println("Warning: no history in this session: " + unusable.getMessage() + ".");
        } catch (IOException unusable) {
            world.err()
                    .println("Warning: no history in this session: cannot create " + history + ": "
                            + PrivateFiles.reason(unusable, history) + ".");
        }
        return builder.build();
    }

    /**
     * The history file, made 0600 before JLine first appends to it (it can hold endpoint URLs); its
     * own rewrites, when it trims the file, make temp files 0600 too.
     */
    private static void createPrivate(Path history) throws IOException {
        try {
            PrivateFiles.newFile(history).close();
        } catch (FileAlreadyExistsException kept) {
            // a history of earlier sessions, kept as it is
        }
    }
}
