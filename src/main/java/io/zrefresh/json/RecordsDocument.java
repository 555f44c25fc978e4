package io.zrefresh.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A JSON document holding an object (e.g. the envelope's {@code data}) whose one array field (e.g.
 * {@code records}) may be very large. The bytes are kept as they came and read as a stream,
 * record by record, so that 100,000 jobs never become one tree unless a caller asks for it.
 */
public final class RecordsDocument {

    private final byte[] bytes;
    private final String objectField;
    private final String arrayField;

    private RecordsDocument(byte[] bytes, String objectField, String arrayField) {
        this.bytes = bytes;
        this.objectField = objectField;
        this.arrayField = arrayField;
    }

    /**
     * @throws IllegalArgumentException when the bytes are not well-formed JSON, or the top-level
     *                                  {@code objectField} is not an object with an {@code arrayField} array
     */
    public static RecordsDocument of(byte[] bytes, String objectField, String arrayField) {
        RecordsDocument document = new RecordsDocument(bytes, objectField, arrayField);
        boolean[] found = {false};
        // One pass of the tokenizer: checks well-formedness without building anything.
        document.walk(
                record -> {},
                (name, parser) -> {
                    found[0] |= name.equals(arrayField);
                    parser.skipChildren();
                },
                true);
        if (!found[0]) {
            throw new IllegalArgumentException("no " + arrayField + " array in " + objectField);
        }
        return document;
    }

    /** Each record, in document order. */
    public void forEachRecord(Consumer<JsonNode> action) {
        walk(action, (name, parser) -> parser.skipChildren(), false);
    }

    /** The object as a tree with only the kept records (for --query, which needs all of it). */
    public ObjectNode tree(Predicate<JsonNode> keep) {
        ObjectNode object = Json.object();
        ArrayNode records = Json.array();
        walk(
                record -> {
                    if (keep.test(record)) {
                        records.add(record);
                    }
                },
                new FieldVisitor() {
                    @Override
                    public void arrayStarts(String name) {
                        object.set(name, records);
                    }

                    @Override
                    public void other(String name, JsonParser parser) throws IOException {
                        object.set(name, Json.readValue(parser));
                    }
                },
                false);
        return object;
    }

    /** Writes the object through a generator (JSON or YAML), streaming the kept records. */
    public void write(JsonGenerator generator, Predicate<JsonNode> keep) throws IOException {
        generator.writeStartObject();
        try {
            walk(
                    record -> {
                        if (keep.test(record)) {
                            try {
                                Json.write(generator, record);
                            } catch (IOException failed) {
                                throw new UncheckedIOException(failed);
                            }
                        }
                    },
                    new FieldVisitor() {
                        @Override
                        public void arrayStarts(String name) throws IOException {
                            generator.writeArrayFieldStart(name);
                        }

                        @Override
                        public void arrayEnds() throws IOException {
                            generator.writeEndArray();
                        }

                        @Override
                        public void other(String name, JsonParser parser) throws IOException {
                            generator.writeFieldName(name);
                            generator.copyCurrentStructure(parser);
                        }
                    },
                    false);
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
        generator.writeEndObject();
    }

    /** What happens to the fields of the object besides the records. */
    private interface FieldVisitor {
        default void arrayStarts(String name) throws IOException {}

        default void arrayEnds() throws IOException {}

        /** Called with the parser on the field's value; must consume all of it. */
        void other(String name, JsonParser parser) throws IOException;
    }

    private void walk(Consumer<JsonNode> records, FieldVisitor fields, boolean checkOnly) {
        try (JsonParser parser = Json.factory().createParser(bytes)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "the document");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(objectField)) {
                    expect(value, JsonToken.START_OBJECT, objectField);
                    walkObject(parser, records, fields, checkOnly);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(
                    "not well-formed JSON: "
                            + unreadable.getMessage().lines().findFirst().orElse(""),
                    unreadable);
        }
    }

    private void walkObject(JsonParser parser, Consumer<JsonNode> records, FieldVisitor fields, boolean checkOnly)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals(arrayField) && value == JsonToken.START_ARRAY) {
                if (checkOnly) {
                    fields.other(field, parser);
                    continue;
                }
                fields.arrayStarts(field);
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    records.accept(Json.readValue(parser));
                }
                fields.arrayEnds();
            } else if (field.equals(arrayField)) {
                throw new IllegalArgumentException(objectField + "." + arrayField + " is not an array");
            } else {
                fields.other(field, parser);
            }
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
    }
}
