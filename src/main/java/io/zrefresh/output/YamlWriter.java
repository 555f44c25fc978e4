package io.zrefresh.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** YAML as kubectl prints it: no document marker, quotes only where needed. */
final class YamlWriter {

    private YamlWriter() {
    }

    static void write(JsonNode value, PrintStream out) {
        YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build());
        try {
            out.print(mapper.writeValueAsString(value));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
