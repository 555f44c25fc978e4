package io.zrefresh.cli;

import io.zrefresh.cli.report.CiSystem;
import io.zrefresh.output.OutputFormat;
import io.zrefresh.refresh.OnActive;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The completion values of options and parameters, for the shell scripts and the interactive
 * shell. Fixed ones are listed; those that change after a script is made are typed markers that
 * the completers recognise and fill when TAB is pressed.
 */
public final class Candidates {

    private Candidates() {}

    /** -o. */
    public static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(OutputFormat.values()).map(OutputFormat::id).iterator();
        }
    }

    /** --on-active. */
    public static final class OnActiveActions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(OnActive.values()).map(OnActive::id).iterator();
        }
    }

    /** --ci. */
    public static final class CiSystems implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(CiSystem.values()).map(CiSystem::id).iterator();
        }
    }

    /** completion's shell argument. */
    public static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("bash", "zsh", "fish").iterator();
        }
    }

    /** help's argument: the visible commands. */
    public static final class CommandNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Commands.visibleNames().iterator();
        }
    }

    /** Values known only when TAB is pressed: no fixed list. */
    public abstract static class Live implements Iterable<String> {
        @Override
        public final Iterator<String> iterator() {
            return Collections.emptyIterator();
        }
    }

    /**
     * Context names: the scripts ask {@code zrefresh __complete contexts}, the shell reads the
     * config files.
     */
    public static final class ContextNames extends Live {}

    /** Collection names: the shell offers those seen in this session's list results. */
    public static final class CollectionNames extends Live {}

    /** --external-spec: a JSON object, or {@code @FILE}; the scripts offer file names after an {@code @}. */
    public static final class SpecFiles extends Live {}

    public static boolean completesContextNames(ArgSpec arg) {
        return arg.completionCandidates() instanceof ContextNames;
    }

    public static boolean completesCollectionNames(ArgSpec arg) {
        return arg.completionCandidates() instanceof CollectionNames;
    }

    public static boolean completesSpecFiles(ArgSpec arg) {
        return arg.completionCandidates() instanceof SpecFiles;
    }
}
