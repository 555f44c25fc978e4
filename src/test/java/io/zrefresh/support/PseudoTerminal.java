package io.zrefresh.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell command run on a pseudo-terminal of a given size, through script(1), for what a process
 * does only on a terminal: fit tables to its width, complete on TAB, ask for a key without echo.
 * Keys can be typed, and the screen is read as it comes.
 */
public final class PseudoTerminal implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\r");
    private static final Pattern EXIT = Pattern.compile("EXIT=(\\d+)\n");

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
    public static PseudoTerminal start(Map<String, String> env, int columns, String commandLine) throws IOException {
        ExternalProgram.require("script", "bsdutils");
        String line = "stty cols " + columns + " rows 50; " + commandLine;
        // util-linux's script (Linux) and BSD's (macOS) take their command differently
        boolean bsd = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac");
        List<String> command = bsd
                ? List.of("script", "-q", "/dev/null", "sh", "-c", line)
                : List.of("script", "-qfec", line, "/dev/null");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        return new PseudoTerminal(builder.start());
    }

    /**
     * Runs zrefresh with these arguments on a terminal 120 columns wide, as a person at a terminal
     * would, and then {@code echo EXIT=$?}, so that {@link #exitStatus} reads its status from the
     * screen (the two scripts differ in what they return).
     *
     * @param prelude  shell commands to run first (e.g. {@code umask 000}), or ""
     * @param redirect shell redirections for the zrefresh command (e.g. {@code > out.txt}), or ""
     */
    public static PseudoTerminal zrefresh(ProcessRun run, String prelude, String redirect, String... args)
            throws IOException {
        List<String> words = new ArrayList<>(ProcessRun.command());
        words.addAll(List.of(args));
        // Ctrl-C goes to the whole foreground group: the shell must outlive it to tell the status.
        StringBuilder line = new StringBuilder("trap true INT; ");
        if (!prelude.isEmpty()) {
            line.append(prelude).append("; ");
        }
        for (String word : words) {
            line.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        line.append(redirect).append("; echo EXIT=$?");
        Map<String, String> env = new HashMap<>(run.environment());
        env.put("TERM", "xterm");
        env.put("SHELL", "/bin/sh");
        return start(env, 120, line.toString());
    }

    /** Types keys, as a person would (a line ends with "\r", Enter; Ctrl-C is "\u0003"). */
    public PseudoTerminal type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        return this;
    }

    /** Waits until the screen shows the text after what was waited for before. */
    public PseudoTerminal waitFor(String text) throws IOException, InterruptedException {
        await(Pattern.compile(Pattern.quote(text)), PATIENCE);
        return this;
    }

    /** The exit status of the command {@link #zrefresh} ran, once it has ended. */
    public int exitStatus() throws IOException, InterruptedException {
        Matcher status = EXIT.matcher(await(EXIT, PATIENCE));
        status.find();
        return Integer.parseInt(status.group(1));
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
