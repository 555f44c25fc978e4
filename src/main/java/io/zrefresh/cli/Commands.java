package io.zrefresh.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands of zrefresh, and the one a command line names. picocli builds a command's model by
 * reflection, about 10 ms each; a run that names its command gets only that one, and help, errors
 * and the generators get them all.
 */
final class Commands {

    /** In the order of {@code zrefresh --help}. */
    static final List<Class<?>> ALL = List.of(
            TriggerCommand.class,
            DescribeCommand.class,
            ListCommand.class,
            WaitCommand.class,
            ShellCommand.class,
            CompletionCommand.class,
            ContextCommand.class,
            DevServerCommand.class,
            ExternalCollectionCommand.class,
            HelpCommand.class,
            CompleteCommand.class);

    private Commands() {}

    /** Adds the commands that parsing {@code args} can need to a command line holding only the root. */
    static void addTo(CommandLine root, String... args) {
        Optional<String> named = commandName(root.getCommandSpec(), args);
        if (named.isEmpty()
                && (List.of(args).contains("--version") || List.of(args).contains("-V"))) {
            return;
        }
        // help shows any command's help, so it needs them all
        boolean all = named.isEmpty() || named.get().equals(name(HelpCommand.class));
        for (Class<?> command : ALL) {
            if (all || named.get().equals(name(command))) {
                root.addSubcommand(name(command), command);
            }
        }
    }

    /** The names of the commands that help and completion show, in help's order. */
    static List<String> visibleNames() {
        return ALL.stream()
                .filter(command -> !command.getAnnotation(Command.class).hidden())
                .map(Commands::name)
                .toList();
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /**
     * The first word that is neither a global option nor its value, when it is a command's name
     * (a misspelt one needs all commands, for the suggestions).
     */
    private static Optional<String> commandName(CommandSpec root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return Optional.empty();
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                String word = arg;
                return ALL.stream().map(Commands::name).filter(word::equals).findFirst();
            }
            // "--output=json" and "-ojson" carry their value; "-o json" takes the next word.
            OptionSpec option = root.findOption(arg);
            if (option != null && option.arity().max() > 0) {
                i++;
            }
        }
        return Optional.empty();
    }
}
