package io.zrefresh.support;

import io.zrefresh.Main;
import io.zrefresh.cli.TerminalInfo;
import io.zrefresh.cli.World;
import io.zrefresh.time.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Runs zrefresh in-process through Main.run with captured streams and a given environment. */
public final class CliRun {

    /** What one run left behind. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private TerminalInfo terminal = TerminalInfo.NONE;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;

    public CliRun env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public CliRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    public CliRun terminal(TerminalInfo info) {
        this.terminal = info;
        return this;
    }

    /** Time for the command, e.g. a {@link FakeTime} that is both. */
    public <T extends Clock & Sleeper> CliRun time(T time) {
        this.clock = time;
        this.sleeper = time;
        return this;
    }

    public Map<String, String> env() {
        return env;
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        World world = new World(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.copyOf(env),
                clock,
                sleeper,
                ZoneId.systemDefault(),
                terminal);
        int exit = Main.run(world, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
