package io.zrefresh.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.zrefresh.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Writes values through a Jackson generator: JSON as people expect it (2-space indent,
 * {@code "key": value}, {@code []} for empty arrays, one trailing newline), or YAML as kubectl
 * prints it (no document marker, quotes only where needed).
 */
final class JsonWriter {

    /** What to write, given a generator. */
    @FunctionalInterface
    interface Writing {
        void to(JsonGenerator generator) throws IOException;
    }

    private static final DefaultPrettyPrinter PRETTY = prettyPrinter();

    private JsonWriter() {}

    static void json(PrintStream out, Writing writing) {
        write(Json.factory(), out, writing, true);
    }

    static void yaml(PrintStream out, Writing writing) {
        // Built on demand: YAML is rare, and its factory costs startup time.
        YAMLFactory yaml = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build();
        write(yaml, out, writing, false);
    }

    private static void write(JsonFactory factory, PrintStream out, Writing writing, boolean pretty) {
        try (JsonGenerator generator = factory.createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                generator.setPrettyPrinter(PRETTY.createInstance());
            }
            writing.to(generator);
            generator.flush();
            if (pretty) {
                out.print('\n');
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
