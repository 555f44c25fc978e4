package io.zrefresh.cli;

import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands are declared with picocli's programmatic model rather than its annotations. Reading
 * annotations made every run about 30 ms slower: the JDK generates a proxy class for each annotation
 * type, which neither a CDS archive nor an AOT cache can hold, and picocli reflects on every field and
 * method (docs/performance.md). Each option and parameter here is bound to a field of its command by a
 * setter, so a command reads its fields as before, and nothing is left for a native image to reflect on.
 */
final class Specs {

    private Specs() {}

    /** A command's spec: picocli calls {@code command} when the command runs. */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
        return spec;
    }

    /** An option taking one value of {@code type}, stored into a field by {@code field}. */
    static <T> OptionSpec.Builder option(Class<T> type, Consumer<? super T> field, String... names) {
        Binding<T> binding = new Binding<>(field);
        return OptionSpec.builder(names).type(type).getter(binding).setter(binding);
    }

    /** An option without a value: true when given. */
    static OptionSpec.Builder flag(Consumer<Boolean> field, String... names) {
        return option(boolean.class, field, names);
    }

    /** An option that may be repeated, its values in a list. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static OptionSpec.Builder strings(Consumer<List<String>> field, String... names) {
        Binding binding = new Binding<>(field);
        return OptionSpec.builder(names)
                .type(List.class)
                .auxiliaryTypes(String.class)
                .getter(binding)
                .setter(binding);
    }

    /** A positional parameter taking one word. */
    static PositionalParamSpec.Builder positional(Consumer<String> field) {
        Binding<String> binding = new Binding<>(field);
        return PositionalParamSpec.builder().type(String.class).getter(binding).setter(binding);
    }

    /** Positional parameters, the words in a list. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static PositionalParamSpec.Builder positionals(Consumer<List<String>> field) {
        Binding binding = new Binding<>(field);
        return PositionalParamSpec.builder()
                .type(List.class)
                .auxiliaryTypes(String.class)
                .getter(binding)
                .setter(binding);
    }

    /**
     * Holds an argument's value for picocli and hands each one to the command's field. picocli resets
     * every argument to null before it parses; a command is made for one parse, so its fields already
     * hold their initial values, and null is not passed on (a boolean field could not take it).
     */
    private static final class Binding<V> implements IGetter, ISetter {
        private final Consumer<? super V> field;
        private Object value;

        Binding(Consumer<? super V> field) {
            this.field = field;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T newValue) {
            T previous = (T) value;
            value = newValue;
            if (newValue != null) {
                field.accept((V) newValue);
            }
            return previous;
        }
    }
}
