package io.zrefresh.cli.shell;

import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A secret typed on the terminal: prompted on stderr, not echoed, not kept in any history; Ctrl-C cancels. */
public final class TerminalPrompt {

    private TerminalPrompt() {}

    /** Asks on this process's terminal (stderr, else stdout). */
    public static String secret(String prompt) throws IOException, InterruptedException {
        try (Terminal terminal = TerminalBuilder.builder()
                .system(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysErrOrSysOut)
                .build()) {
            return secret(LineReaderBuilder.builder().terminal(terminal).build(), prompt);
        }
    }

    /**
     * Asks with a reader the shell already has. A line read with a mask is not added to the
     * reader's history.
     *
     * @return the line, or null on Ctrl-D
     */
    static String secret(LineReader reader, String prompt) throws InterruptedException {
        try {
            return reader.readLine(prompt, LineReaderImpl.NULL_MASK);
        } catch (UserInterruptException cancelled) {
            throw new InterruptedException("nothing was read");
        } catch (EndOfFileException end) {
            return null;
        }
    }
}
