package io.zrefresh.cli;

import io.zrefresh.api.JdkHttpTransport;
import io.zrefresh.api.Transport;
import io.zrefresh.time.Sleeper;
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
        Supplier<Transport> http) {

    public World(
            InputStream in,
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Clock clock,
            Sleeper sleeper,
            ZoneId zone,
            TerminalInfo terminal) {
        this(in, out, err, env, clock, sleeper, zone, terminal, ConcurrentHashMap.newKeySet(), JdkHttpTransport::new);
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
        return new World(newIn, out, err, env, clock, sleeper, zone, terminal, seenCollections, http);
    }

    public World withTerminal(TerminalInfo newTerminal) {
        return new World(in, out, err, env, clock, sleeper, zone, newTerminal, seenCollections, http);
    }

    public World withHttp(Supplier<Transport> newHttp) {
        return new World(in, out, err, env, clock, sleeper, zone, terminal, seenCollections, newHttp);
    }
}
