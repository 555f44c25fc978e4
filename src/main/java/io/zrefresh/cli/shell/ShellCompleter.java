package io.zrefresh.cli.shell;

import io.zrefresh.cli.Candidates;
import io.zrefresh.config.ConfigDirectory;
import io.zrefresh.config.ConfigException;
import io.zrefresh.config.ContextStore;
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
 * commands, options, fixed option values (-o, --on-active), context names, and collection names
 * seen in this session's results.
 */
final class ShellCompleter implements Completer {

    private final Supplier<CommandSpec> model;
    private final ConfigDirectory config;
    private final Set<String> seenCollections;

    ShellCompleter(Supplier<CommandSpec> model, ConfigDirectory config, Set<String> seenCollections) {
        this.model = model;
        this.config = config;
        this.seenCollections = seenCollections;
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
            addAll(candidates, valuesOf(takingValue));
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
