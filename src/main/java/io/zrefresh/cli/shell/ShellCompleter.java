package io.zrefresh.cli.shell;

import io.zrefresh.cli.Candidates;
import io.zrefresh.config.ConfigDirectory;
import io.zrefresh.config.ConfigException;
import io.zrefresh.config.ContextStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Tab completion in the shell, from the same picocli model the commands are parsed with:
 * commands, options, fixed option values (-o, --on-active), context names, collection names
 * seen in this session's results, and file names (--events, and --external-spec after its @).
 */
final class ShellCompleter implements Completer {

    private final Supplier<CommandSpec> model;
    private final ConfigDirectory config;
    private final Set<String> seenCollections;
    private final Path workingDirectory;

    /** {@code workingDirectory}: where relative file names start (the shell's own). */
    ShellCompleter(
            Supplier<CommandSpec> model, ConfigDirectory config, Set<String> seenCollections, Path workingDirectory) {
        this.model = model;
        this.config = config;
        this.seenCollections = seenCollections;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, line.wordIndex());
        CommandSpec root = model.get();
        CommandSpec spec = root;
        for (String word : before) {
            CommandSpec sub = spec.subcommands().containsKey(word)
                    ? spec.subcommands().get(word).getCommandSpec()
                    : null;
            if (sub != null) {
                spec = sub;
            }
        }
        OptionSpec takingValue = before.isEmpty() ? null : spec.findOption(before.get(before.size() - 1));
        if (takingValue != null && takingValue.arity().max() > 0) {
            if (Candidates.completesSpecFiles(takingValue)) {
                addSpecFiles(candidates, line.word());
            } else if (takingValue.type() == Path.class) {
                addFiles(candidates, "", line.word());
            } else {
                addAll(candidates, valuesOf(takingValue));
            }
        } else if (line.word().startsWith("-")) {
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    String description = option.description().length > 0 ? option.description()[0] : null;
                    for (String name : option.names()) {
                        candidates.add(new Candidate(name, name, null, description, null, null, true));
                    }
                }
            }
        } else {
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    candidates.add(new Candidate(name));
                }
            });
            if (spec == root) {
                addAll(candidates, Shell.LEAVE_WORDS);
            }
            if (spec.positionalParameters().stream().anyMatch(Candidates::completesContextNames)) {
                addAll(candidates, contextNames());
            }
        }
    }

    private Collection<String> valuesOf(OptionSpec option) {
        if (Candidates.completesContextNames(option)) {
            return contextNames();
        }
        if (Candidates.completesCollectionNames(option)) {
            return List.copyOf(seenCollections);
        }
        Iterable<String> fixed = option.completionCandidates();
        return fixed == null ? List.of() : toList(fixed);
    }

    /** --external-spec: {@code @FILE} or {@code @-} (stdin); a word that does not start with @ is inline JSON. */
    private void addSpecFiles(List<Candidate> candidates, String word) {
        if (word.isEmpty() || word.equals("@")) {
            candidates.add(new Candidate("@-", "@-", null, "standard input", null, null, true));
        }
        if (word.isEmpty() || word.startsWith("@")) {
            addFiles(candidates, "@", word.isEmpty() ? "@" : word);
        }
    }

    /**
     * The entries of the directory that {@code word} (after {@code marker}) names so far, as
     * bash's file completion offers them: hidden ones only for a name typed with its dot, and a
     * directory with its slash, to go on into it.
     */
    private void addFiles(List<Candidate> candidates, String marker, String word) {
        String typed = word.substring(marker.length());
        String directory = typed.substring(0, typed.lastIndexOf('/') + 1);
        boolean hidden = typed.substring(directory.length()).startsWith(".");
        try (DirectoryStream<Path> entries =
                Files.newDirectoryStream(workingDirectory.resolve(directory.isEmpty() ? "." : directory))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") && !hidden) {
                    continue;
                }
                boolean isDirectory = Files.isDirectory(entry);
                String shown = isDirectory ? name + "/" : name;
                candidates.add(new Candidate(marker + directory + shown, shown, null, null, null, null, !isDirectory));
            }
        } catch (IOException | InvalidPathException unlisted) {
            // no such directory, or not one we may read: nothing to offer
        }
    }

    private Collection<String> contextNames() {
        try {
            // Read afresh: a context set in this session completes at once.
            return new ContextStore(config).names();
        } catch (ConfigException unreadable) {
            return List.of();
        }
    }

    private static List<String> toList(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    private static void addAll(List<Candidate> candidates, Collection<String> values) {
        values.forEach(value -> candidates.add(new Candidate(value)));
    }
}
