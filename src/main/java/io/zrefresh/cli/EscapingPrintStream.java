package io.zrefresh.cli;

import io.zrefresh.output.SafeText;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A print stream for output that quotes the server verbatim (the --debug trace shows its headers
 * and bodies): each string printed reaches the stream below with its control characters, line
 * breaks included, as escapes; only println's own line end stays a line end.
 */
final class EscapingPrintStream extends PrintStream {

    private final PrintStream target;

    EscapingPrintStream(PrintStream target) {
        super(target, true, StandardCharsets.UTF_8);
        this.target = target;
    }

    @Override
    public void print(String text) {
        target.print(SafeText.escape(text));
    }

    @Override
    public void print(Object value) {
        print(String.valueOf(value));
    }

    @Override
    public void println(String line) {
        target.println(SafeText.escape(line));
    }

    @Override
    public void println(Object value) {
        println(String.valueOf(value));
    }
}
