package io.zrefresh.cli.shell;

import io.zrefresh.api.JdkHttpTransport;
import io.zrefresh.api.Transport;
import io.zrefresh.cli.Cli;
import io.zrefresh.cli.ExitCode;
import io.zrefresh.cli.World;
import io.zrefresh.config.ConfigDirectory;
import io.zrefresh.config.ConfigException;
import io.zrefresh.config.ContextStore;
import io.zrefresh.config.SettingsResolver;
import io.zrefresh.output.SafeText;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;

/**
 * The read-run loop of {@code zrefresh shell}. Each line runs as a whole zrefresh command (a fresh
 * parse, so no option leaks from one line to the next) with the global options the shell was
 * started with; an error prints and the loop goes on. Lines come from a JLine reader on a
 * terminal, or from plain stdin when it is piped (then no prompt is printed).
 */
public final class Shell {

    /** Where lines come from; null means the input has ended. */
    public interface Lines {
        String next(String prompt) throws IOException;

        /** The next line, as a secret: not echoed, not kept in the history. */
        String secret(String prompt) throws IOException, InterruptedException;
    }

    /** Words that end the shell. */
    static final List<String> LEAVE_WORDS = List.of("exit", "quit");

    /** The option of {@code context set} whose key is, in the shell, the line after the command. */
    private static final String KEY_FROM_INPUT = "--api-key-stdin";

    private static final String KEY_PROMPT = "API key: ";

    private final World world;
    private final List<String> inheritedOptions;
    private final Supplier<String> prompt;
    private final Parser words = new DefaultParser();

    /** One HTTP transport for every line: no new client, connection and threads for each command. */
    private final JdkHttpTransport http = new JdkHttpTransport();

    public Shell(World world, List<String> inheritedOptions, Supplier<String> prompt) {
        // the commands use the shell's transport and leave it open (Transport's close does nothing)
        Transport kept = http::post;
        this.world = world.withHttp(() -> kept);
        this.inheritedOptions = inheritedOptions;
        this.prompt = prompt;
    }

    /** Runs lines until exit, quit or the end of input; returns the last command's exit code. */
    public int run(Lines lines) throws IOException {
        try (http) {
            return runUntilTheEnd(lines);
        }
    }

    private int runUntilTheEnd(Lines lines) throws IOException {
        int lastCode = ExitCode.OK;
        for (String line = lines.next(prompt.get()); line != null; line = lines.next(prompt.get())) {
            List<String> args;
            try {
                args = new ArrayList<>(words.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE)
                        .words());
            } catch (EOFError unclosed) {
                world.err().println("Unclosed quote in: " + SafeText.escape(line));
                lastCode = ExitCode.USAGE;
                continue;
            }
            args.removeIf(String::isEmpty);
            if (args.isEmpty()) {
                continue;
            }
            if (LEAVE_WORDS.contains(args.get(0))) {
                break;
            }
            if (args.get(0).equals("shell")) {
                world.err().println("Already in the shell.");
                continue;
            }
            lastCode = runCommand(args, lines);
        }
        return lastCode;
    }

    private int runCommand(List<String> args, Lines lines) throws IOException {
        World commandWorld = world;
        if (args.contains(KEY_FROM_INPUT)) {
            // Read before the command runs, whatever it makes of it: the key's line must never run
            // as a command of its own, whose error would show it.
            String key;
            try {
                key = lines.secret(KEY_PROMPT);
            } catch (InterruptedException cancelled) {
                world.err().println("Interrupted; nothing was read.");
                return ExitCode.INTERRUPTED;
            }
            commandWorld = world.withSecretInput(prompt -> key);
        }
        List<String> full = new ArrayList<>(inheritedOptions);
        full.addAll(args);
        int code = Cli.run(commandWorld, full.toArray(String[]::new));
        world.out().flush();
        // A Ctrl-C meant for this command must not end the next one.
        Thread.interrupted();
        return code;
    }

    /** Lines from a JLine reader: Ctrl-C abandons the line, Ctrl-D leaves. */
    static Lines from(LineReader reader) {
        return new Lines() {
            @Override
            public String next(String prompt) {
                while (true) {
                    try {
                        return reader.readLine(prompt);
                    } catch (UserInterruptException abandoned) {
                        // a fresh prompt, as shells do
                    } catch (EndOfFileException end) {
                        return null;
                    }
                }
            }

            @Override
            public String secret(String prompt) throws InterruptedException {
                return TerminalPrompt.secret(reader, prompt);
            }
        };
    }

    /** Lines from piped stdin, without prompts (nor echo: a secret is just the next line). */
    public static Lines from(BufferedReader reader) {
        return new Lines() {
            @Override
            public String next(String prompt) throws IOException {
                return reader.readLine();
            }

            @Override
            public String secret(String prompt) throws IOException {
                return reader.readLine();
            }
        };
    }

    /**
     * The prompt: {@code zrefresh(<context>:<database>)> }, read afresh from the files for each line,
     * so that it follows {@code context set}.
     */
    public static String prompt(World world, String contextFlag) {
        SettingsResolver resolver =
                new SettingsResolver(new ContextStore(ConfigDirectory.from(world.env())), world.env());
        String context = resolver.context(contextFlag);
        String database;
        try {
            database = resolver.database(context, null);
        } catch (ConfigException unreadable) {
            database = "?";
        }
        return "zrefresh(" + context + ":" + database + ")> ";
    }
}
