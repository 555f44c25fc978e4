package io.zrefresh.cli;

import io.zrefresh.config.ContextStore;
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
final class TerminalShell {

    private TerminalShell() {}

    static int run(Shell shell, Session session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Thread commands = Thread.currentThread();
            // Ctrl-C while a command runs stops that command (at the prompt, JLine abandons the line).
            terminal.handle(Terminal.Signal.INT, signal -> commands.interrupt());
            return shell.run(Shell.from(reader(terminal, session)));
        }
    }

    static LineReader reader(Terminal terminal, Session session) throws IOException {
        ContextStore contexts = session.contexts();
        Files.createDirectories(contexts.directory().root());
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("zrefresh")
                .completer(new ShellCompleter(
                        () -> Cli.create(session.host()).getCommandSpec(),
                        contexts.directory(),
                        session.host().seenCollections()))
                .variable(LineReader.HISTORY_FILE, contexts.directory().historyFile())
                .build();
    }
}
