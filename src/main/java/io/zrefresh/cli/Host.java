package io.zrefresh.cli;

import io.zrefresh.time.Sleeper;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything a command takes from the world around it: streams, environment, time, terminal.
 * Passed in, so that tests run commands without global state.
 */
public record Host(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
                   Sleeper sleeper, ZoneId zone, TerminalInfo terminal) {

    /** For commands run by tests or embedders: no terminal, system time, this machine's zone. */
    public static Host of(PrintStream out, PrintStream err, Map<String, String> env) {
        return new Host(InputStream.nullInputStream(), out, err, env, Clock.systemUTC(), Sleeper.SYSTEM,
                ZoneId.systemDefault(), TerminalInfo.NONE);
    }

    public Host withIn(InputStream newIn) {
        return new Host(newIn, out, err, env, clock, sleeper, zone, terminal);
    }

    public Host withTerminal(TerminalInfo newTerminal) {
        return new Host(in, out, err, env, clock, sleeper, zone, newTerminal);
    }

    public Host withTime(Clock newClock, Sleeper newSleeper, ZoneId newZone) {
        return new Host(in, out, err, env, newClock, newSleeper, newZone, terminal);
    }

    public Host withStreams(PrintStream newOut, PrintStream newErr) {
        return new Host(in, newOut, newErr, env, clock, sleeper, zone, terminal);
    }
}
