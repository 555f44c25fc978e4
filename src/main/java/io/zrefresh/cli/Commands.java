package io.zrefresh.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands of zrefresh, and the one a command line names. A run that names its command gets
 * only that one; help, errors and the generators get them all.
 */
final class Commands {

    /** A command: its name, and how its spec is made. */
    private record Entry(String name, Supplier<CommandSpec> spec) {}

    /** In the order of {@code zrefresh --help}. */
    private static final List<Entry> ALL = List.of(
            new Entry(TriggerCommand.NAME, () -> new TriggerCommand().spec),
            new Entry(DescribeCommand.NAME, () -> new DescribeCommand().spec),
            new Entry(ListCommand.NAME, () -> new ListCommand().spec),
            new Entry(WaitCommand.NAME, () -> new WaitCommand().spec),
            new Entry(ShellCommand.NAME, () -> new ShellCommand().spec),
            new Entry(CompletionCommand.NAME, () -> new CompletionCommand().spec),
            new Entry(ContextCommand.NAME, () -> new ContextCommand().spec),
            new Entry(DevServerCommand.NAME, () -> new DevServerCommand().spec),
            new Entry(ExternalCollectionCommand.NAME, () -> new ExternalCollectionCommand().spec),
            new Entry(HelpCommand.NAME, () -> new HelpCommand().spec),
            new Entry(CompleteCommand.NAME, () -> new CompleteCommand().spec));

    private Commands() {}

    /** Adds the commands that parsing {@code args} can need to a command line holding only the root. */
    static void addTo(CommandLine root, String... args) {
        Optional<String> named = commandName(root.getCommandSpec(), args);
        if (named.isEmpty()
                && (List.of(args).contains("--version") || List.of(args).contains("-V"))) {
            return;
        }
        // help shows any command's help, so it needs them all
        boolean all = named.isEmpty() || named.get().equals(HelpCommand.NAME);
        for (Entry command : ALL) {
            if (all || named.get().equals(command.name())) {
                root.addSubcommand(command.name(), command.spec().get());
            }
        }
    }

    /** The names of the commands that help and completion show, in help's order. */
    static List<String> visibleNames() {
        return ALL.stream()
                .filter(command -> !command.spec().get().usageMessage().hidden())
                .map(Entry::name)
                .toList();
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
                return ALL.stream().map(Entry::name).filter(word::equals).findFirst();
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
