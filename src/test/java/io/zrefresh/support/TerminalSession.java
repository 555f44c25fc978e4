package io.zrefresh.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * zrefresh on a pseudo-terminal, typed at as a person would: through {@code script}, which gives
 * its command a terminal and copies what the test types to it and what the terminal shows back.
 * The command ends with {@code echo EXIT=$?}, so that the exit status is read from the screen
 * (util-linux and BSD {@code script} differ in what they return).
 */
public final class TerminalSession implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern EXIT = Pattern.compile("EXIT=(\\d+)\r?\n");

    private final Process process;
    private final OutputStream keys;
    private final StringBuffer screen = new StringBuffer();

    private TerminalSession(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread copier = new Thread(() -> copy(process.getInputStream()), "terminal-screen");
        copier.setDaemon(true);
        copier.start();
    }

    /**
     * Runs zrefresh with these arguments on a terminal 120 columns wide.
     *
     * @param prelude  shell commands to run first (e.g. {@code umask 000}), or ""
     * @param redirect shell redirections for the zrefresh command (e.g. {@code > out.txt}), or ""
     */
    public static TerminalSession start(ProcessRun run, String prelude, String redirect, String... args)
            throws IOException {
        ExternalProgram.require("script", "bsdutils");
        List<String> words = new ArrayList<>(ProcessRun.command());
        words.addAll(List.of(args));
        // Ctrl-C goes to the whole foreground group: the shell must outlive it to tell the status.
        StringBuilder line = new StringBuilder("trap true INT; stty cols 120 rows 40; ");
        if (!prelude.isEmpty()) {
            line.append(prelude).append("; ");
        }
        for (String word : words) {
            line.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        line.append(redirect).append("; echo EXIT=$?");
        boolean bsd = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac");
        List<String> command = bsd
                ? List.of("script", "-q", "/dev/null", "sh", "-c", line.toString())
                : List.of("script", "-qec", line.toString(), "/dev/null");
        ProcessBuilder builder = run.builder(command).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm");
        builder.environment().put("SHELL", "/bin/sh");
        return new TerminalSession(builder.start());
    }

    private void copy(InputStream output) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = output.read(buffer)) > 0; ) {
                screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException ended) {
            // the terminal closed
        }
    }

    /** Waits until the screen shows the text. */
    public TerminalSession waitFor(String text) throws InterruptedException {
        until(shown -> shown.contains(text) ? text : null, "the terminal never showed \"" + text + "\"");
        return this;
    }

    /** Types the text (a line ends with "\r", Enter; Ctrl-C is "\u0003"). */
    public TerminalSession type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        return this;
    }

    /** The command's exit status, once it has ended. */
    public int exitStatus() throws InterruptedException {
        return Integer.parseInt(until(
                shown -> {
                    Matcher status = EXIT.matcher(shown);
                    return status.find() ? status.group(1) : null;
                },
                "the command did not end"));
    }

    /** Waits until what the screen shows gives an answer (not null). */
    private String until(Function<String, String> answer, String failure) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        for (String found = answer.apply(screen()); ; found = answer.apply(screen())) {
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                fail(failure + "; the terminal shows:\n" + screen);
            }
            Thread.sleep(50);
        }
    }

    /** Everything the terminal showed so far. */
    public String screen() {
        return screen.toString();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            keys.close();
        } catch (IOException alreadyClosed) {
            // the process has ended
        }
        if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }
}
