package io.zrefresh.devserver;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The dev server's one Jackson setup: the tree model to read, the streaming generator to write. No data binding,
 * so nothing here needs reflection configuration in a native image.
 */
final class JsonCodec {

    /** Writes one JSON value with a generator. */
    interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    /** Integers are read exactly (int, long or BigInteger nodes), never through a double. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // the caller closes the answer's body stream
            .build();

    private JsonCodec() {}

    /** Writes a value to {@code out}, flushing but not closing it. */
    static void write(OutputStream out, Writer writer) throws IOException {
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            writer.write(generator);
        }
    }

    static byte[] bytes(Writer writer) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try {
            write(buffer, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }
}
