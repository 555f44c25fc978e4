package io.zrefresh;

import io.zrefresh.cli.Cli;
import io.zrefresh.cli.StandardInput;
import io.zrefresh.cli.TerminalInfo;
import io.zrefresh.cli.World;
import io.zrefresh.time.Sleeper;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/** The entry point. Only {@link #main} touches the process (exit code, signals, real streams). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // UTF-8 whatever the locale: CI containers often run with a POSIX one.
        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Map<String, String> env = System.getenv();
        World world = new World(
                StandardInput.of(System.in),
                out,
                err,
                env,
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                ZoneId.systemDefault(),
                TerminalInfo.detect(env));
        Interrupts.forwardTo(Thread.currentThread());
        int code;
        try {
            code = run(world, Arguments.ofThisProcess(args));
        } catch (Arguments.NotUtf8 unreadable) {
            code = Cli.usageError(world, args, unreadable.getMessage());
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs zrefresh with these streams and environment; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        return run(World.of(out, err, env), args);
    }

    public static int run(World world, String... args) {
        int code = Cli.run(world, args);
        world.out().flush();
        return code;
    }
}
