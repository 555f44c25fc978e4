package io.zrefresh.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Which standard streams are terminals, and how wide the terminal is (asked only when a table
 * goes to one, since finding out may cost a process). Tests pass fixed answers; {@link #detect}
 * asks the system.
 */
public record TerminalInfo(
        boolean stdinIsTerminal, boolean stdoutIsTerminal, boolean stderrIsTerminal, IntSupplier widthSupplier) {

    /** Nothing is a terminal: what tests and pipes see. */
    public static final TerminalInfo NONE = fixed(false, false, false, 0);

    private static final int DEFAULT_WIDTH = 80;

    public static TerminalInfo fixed(boolean stdin, boolean stdout, boolean stderr, int width) {
        return new TerminalInfo(stdin, stdout, stderr, () -> width);
    }

    public int width() {
        return widthSupplier.getAsInt();
    }

    /**
     * The real answers. On Linux, /proc tells for each stream exactly; elsewhere, Java 17 only
     * knows whether stdin and stdout together are a console.
     */
    public static TerminalInfo detect(Map<String, String> env) {
        // asked only where /proc cannot tell: on Java 22 and later it loads console providers (3 ms)
        BooleanSupplier console = () -> System.console() != null;
        int[] measured = {-1};
        IntSupplier width = () -> {
            if (measured[0] < 0) {
                measured[0] = measureWidth(env);
            }
            return measured[0];
        };
        return new TerminalInfo(isTerminal(0, console), isTerminal(1, console), isTerminal(2, console), width);
    }

    private static boolean isTerminal(int fd, BooleanSupplier consoleFallback) {
        try {
            String target =
                    Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException noProc) {
            return consoleFallback.getAsBoolean();
        }
    }

    /** $COLUMNS when exported, else {@code stty size} on the terminal, else 80. */
    private static int measureWidth(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").trim());
            if (columns > 0) {
                return columns;
            }
        } catch (NumberFormatException notSet) {
            // ask the terminal below
        }
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return DEFAULT_WIDTH;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] rowsAndColumns = answer.split("\\s+");
                int columns = Integer.parseInt(rowsAndColumns[rowsAndColumns.length - 1]);
                return columns > 0 ? columns : DEFAULT_WIDTH;
            }
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException unknown) {
            // no stty or no answer: the default will do
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_WIDTH;
    }
}
