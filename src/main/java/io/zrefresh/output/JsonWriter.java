package io.zrefresh.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Pretty JSON as people expect it: 2-space indent, {@code "key": value}, {@code []} for empty arrays. */
final class JsonWriter {

    private static final DefaultPrettyPrinter PRETTY = prettyPrinter();

    private JsonWriter() {
    }

    static void write(JsonNode value, PrintStream out) {
        try {
            JsonGenerator generator = Json.mapper().getFactory().createGenerator(out);
            generator.setPrettyPrinter(PRETTY.createInstance());
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            Json.mapper().writeTree(generator, value);
            generator.flush();
            out.print('\n');
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
