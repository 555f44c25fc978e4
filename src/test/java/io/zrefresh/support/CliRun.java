package io.zrefresh.support;

import io.zrefresh.Main;
import io.zrefresh.cli.TerminalInfo;
import io.zrefresh.cli.World;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    public Map<String, String> env() {
        return env;
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        World world = World.of(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.copyOf(env))
                .withIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .withTerminal(terminal);
        int exit = Main.run(world, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
