package io.zrefresh.cli;

import io.zrefresh.cli.report.CiReport;
import io.zrefresh.cli.report.CiSystem;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Builds the command line of one run: picocli wired to the world's streams and our error reporting. */
public final class Cli {

    private Cli() {}

    /** The whole command line, with every command (for help, completion and the man pages). */
    public static CommandLine create(World world) {
        return create(world, new String[0]);
    }

    /** The command line for these arguments: the root and the commands they can need. */
    static CommandLine create(World world, String... args) {
        RootCommand root = new RootCommand(world);
        CommandLine commandLine = new CommandLine(root.spec);
        Commands.addTo(commandLine, args);
        // -V/--version after any command too: each command tells the root's version
        everyCommand(commandLine, command -> command.getCommandSpec().versionProvider(new VersionProvider()));
        Examples.addToHelp(commandLine);
        // "@file" belongs to --external-spec, not to picocli's argument files.
        commandLine.setExpandAtFiles(false);
        // The last of an option given twice wins (the shell puts its own global options first).
        commandLine.setOverwrittenOptionsAllowed(true);
        // One list of variables and files for this help and the man page.
        commandLine.getCommandSpec().usageMessage().footer(EnvironmentAndFiles.helpFooter());
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(world.out(), StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(world.err(), StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler(
                (failure, command, parsed) -> root.session().reporter().report(failure));
        commandLine.setParameterExceptionHandler((invalid, given) -> {
            List<String> hints = new ArrayList<>();
            if (invalid instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                hints.add("Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
            }
            hints.add("Run '" + invalid.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return usageReporter(world, args).report(Problem.of(ExitCode.USAGE, invalid.getMessage()), hints);
        });
        return commandLine;
    }

    /** Reports a usage error found before the arguments could be parsed (e.g. arguments that are not UTF-8). */
    public static int usageError(World world, String[] args, String message) {
        return usageReporter(world, args).report(Problem.of(ExitCode.USAGE, message));
    }

    /**
     * The reporter of a usage error. picocli stops at the first error, maybe before it reached
     * -o json or --ci, so the JSON line follows -o as the raw arguments give it, and the CI
     * annotation follows the environment (ZREFRESH_CI, GITHUB_ACTIONS, GITLAB_CI).
     */
    private static ErrorReporter usageReporter(World world, String[] args) {
        CiSystem ci = CiSystem.resolveOrOff(null, world.env());
        return new ErrorReporter(
                world.err(),
                ErrorReporter.asksForJson(args),
                false,
                CiReport.of(ci, world.env(), world.err(), world.clock()),
                // picocli quotes the words it cannot parse: a key pasted among them stays masked
                Session.keysOfTheEnvironment(world.env()));
    }

    private static void everyCommand(CommandLine command, Consumer<CommandLine> action) {
        action.accept(command);
        command.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
    }

    /** Runs one command line; returns its exit code. */
    public static int run(World world, String... args) {
        CommandLine commandLine = create(world, args);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError exhausted) {
            // picocli hands Errors on. What filled the heap is unreachable now, so the report has room.
            return ((RootCommand) commandLine.getCommand()).session().reporter().report(exhausted);
        }
    }
}
