package io.zrefresh.cli;

import io.zrefresh.api.JdkHttpTransport;
import io.zrefresh.api.Transport;
import io.zrefresh.cli.shell.TerminalPrompt;
import io.zrefresh.time.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Everything a command takes from the world around it: streams, environment, time, terminal.
 * Passed in, so that tests run commands without global state.
 *
 * @param seenCollections collection names seen in list results, for the shell's completion of --name
 * @param secretInput     where a secret the command asks for comes from (the shell's next line),
 *                        or null for standard input: see {@link #readSecret}
 * @param http the HTTP transport of a command that talks to the server: a new one for each command,
 *     which the command closes; in the shell, one kept for the shell's life
 */
public record World(
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        Clock clock,
        Sleeper sleeper,
        ZoneId zone,
        TerminalInfo terminal,
        Set<String> seenCollections,
        SecretInput secretInput,
        Supplier<Transport> http) {

    /** Reads a secret: one line, never echoed, never kept in a history. */
    @FunctionalInterface
    public interface SecretInput {
        /**
         * @return the line without its end, or null when the input ended first
         * @throws InterruptedException when the user pressed Ctrl-C instead
         */
        String read(String prompt) throws IOException, InterruptedException;
    }

    public World(
            InputStream in,
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Clock clock,
            Sleeper sleeper,
            ZoneId zone,
            TerminalInfo terminal) {
        this(
                in,
                out,
                err,
                env,
                clock,
                sleeper,
                zone,
                terminal,
                ConcurrentHashMap.newKeySet(),
                null,
                JdkHttpTransport::new);
    }

    /** For commands run by tests or embedders: no terminal, system time, this machine's zone. */
    public static World of(PrintStream out, PrintStream err, Map<String, String> env) {
        return new World(
                InputStream.nullInputStream(),
                out,
                err,
                env,
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                ZoneId.systemDefault(),
                TerminalInfo.NONE);
    }

    public World withIn(InputStream newIn) {
        return new World(newIn, out, err, env, clock, sleeper, zone, terminal, seenCollections, secretInput, http);
    }

    public World withTerminal(TerminalInfo newTerminal) {
        return new World(in, out, err, env, clock, sleeper, zone, newTerminal, seenCollections, secretInput, http);
    }

    public World withSecretInput(SecretInput newSecretInput) {
        return new World(in, out, err, env, clock, sleeper, zone, terminal, seenCollections, newSecretInput, http);
    }

    /**
     * A secret the user gives: from the {@link #secretInput} when there is one; else typed on the
     * terminal after a prompt on stderr, without echo; else the first line of standard input.
     */
    public String readSecret(String prompt) throws IOException, InterruptedException {
        if (secretInput != null) {
            return secretInput.read(prompt);
        }
        return terminal.stdinIsTerminal() ? TerminalPrompt.secret(prompt) : StandardInput.firstLine(in);
    }

    public World withHttp(Supplier<Transport> newHttp) {
        return new World(in, out, err, env, clock, sleeper, zone, terminal, seenCollections, secretInput, newHttp);
    }
}
