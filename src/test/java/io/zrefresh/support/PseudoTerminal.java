package io.zrefresh.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell command run on a pseudo-terminal of a given size, through script(1) of util-linux (in
 * bsdutils, which every Debian and Ubuntu has), for what a process does only on a terminal: fit
 * tables to its width, complete on TAB. Keys can be typed, and the screen is read as it comes.
 */
public final class PseudoTerminal implements AutoCloseable {

    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\r");

    private final Process process;
    private final OutputStream keys;
    private final InputStream screen;
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private int matched;

    private PseudoTerminal(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        this.screen = process.getInputStream();
    }

    /** Starts {@code sh -c commandLine} on a terminal of {@code columns} columns, with this environment only. */
    public static PseudoTerminal start(Map<String, String> env, int columns, String commandLine) throws Exception {
        ExternalProgram.require("script", "bsdutils");
        if (!ExternalProgram.run(Map.of(), Duration.ofSeconds(10), "script", "--version")
                .out()
                .contains("util-linux")) {
            // BSD's script (macOS) takes other options
            ExternalProgram.missing("script of util-linux is needed by this test", "bsdutils");
        }
        ProcessBuilder builder = new ProcessBuilder(
                        List.of("script", "-qfec", "stty cols " + columns + " rows 50; " + commandLine, "/dev/null"))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        return new PseudoTerminal(builder.start());
    }

    /** Types keys, as a person would. */
    public PseudoTerminal type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        return this;
    }

    /**
     * Reads the screen until its text (escape sequences and carriage returns left out) after what
     * the last await matched matches the pattern; fails after the timeout with what it showed.
     */
    public String await(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        byte[] buffer = new byte[8192];
        Matcher matcher;
        while (!(matcher = pattern.matcher(text())).find(matched)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the terminal never showed " + pattern + "; it showed:\n" + text());
            }
            if (screen.available() > 0) {
                int read = screen.read(buffer);
                shown.write(buffer, 0, read);
            } else if (!process.isAlive() && screen.available() == 0) {
                throw new AssertionError("the terminal ended before it showed " + pattern + "; it showed:\n" + text());
            } else {
                Thread.sleep(20);
            }
        }
        matched = matcher.end();
        return matcher.group();
    }

    /** Waits for the command to end; returns all it showed. */
    public String finish(Duration timeout) throws IOException, InterruptedException {
        keys.close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(
                    "the terminal's command did not end within " + timeout + "; it showed:\n" + text());
        }
        shown.write(screen.readAllBytes());
        return text();
    }

    /** What the terminal showed so far, without escape sequences and carriage returns. */
    public String text() {
        return ESCAPES.matcher(shown.toString(StandardCharsets.UTF_8)).replaceAll("");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
