package io.zrefresh.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON trees of the client, read and written by Jackson's tokenizer and generator. Numbers are read
 * exactly: int64 job ids stay longs, bigger integers become BigIntegers and decimals BigDecimals, so
 * nothing passes through a double. Tree model only (no binding to classes), which needs no
 * native-image reflection config. No ObjectMapper: its setup (with a date format that loads the JDK's
 * locale data) cost every command over 20 ms of startup, and trees need none of it.
 */
public final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** Makes the parsers and generators of JSON text. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Parses a complete JSON document; trailing garbage is an error. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return parseDocument(parser);
        } catch (JsonProcessingException invalid) {
            throw invalid;
        } catch (IOException unexpected) {
            throw new UncheckedIOException("reading a string failed", unexpected);
        }
    }

    public static JsonNode parse(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return parseDocument(parser);
        }
    }

    private static JsonNode parseDocument(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            return MissingNode.getInstance();
        }
        JsonNode value = readValue(parser);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "Trailing token (" + parser.currentToken() + ") after the value");
        }
        return value;
    }

    /** The value at the parser's current token, which is left at the value's last token. */
    public static JsonNode readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, readValue(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(parser, "Unexpected token (" + token + ") where a value starts");
        }
    }

    /** Writes a tree through a generator (JSON or YAML). */
    public static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> writeNumber(generator, node);
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case BINARY -> generator.writeBinary(node.binaryValue());
            case NULL, MISSING -> generator.writeNull();
            case POJO -> throw new IllegalArgumentException("a tree of JSON values holds a Java object");
        }
    }

    private static void writeNumber(JsonGenerator generator, JsonNode number) throws IOException {
        switch (number.numberType()) {
            case INT -> generator.writeNumber(number.intValue());
            case LONG -> generator.writeNumber(number.longValue());
            case BIG_INTEGER -> generator.writeNumber(number.bigIntegerValue());
            case FLOAT -> generator.writeNumber(number.floatValue());
            case DOUBLE -> generator.writeNumber(number.doubleValue());
            case BIG_DECIMAL -> generator.writeNumber(number.decimalValue());
        }
    }

    /** Compact one-line JSON, as sent on the wire. */
    public static String compact(JsonNode node) {
        return compact(node, null);
    }

    /**
     * Compact JSON for a terminal or a log, where DEL and the C1 controls are escaped too (JSON
     * escapes only C0): the same value for a parser, and no control character reaches the screen.
     */
    public static String line(JsonNode node) {
        return compact(node, ControlEscapes.INSTANCE);
    }

    private static String compact(JsonNode node, CharacterEscapes escapes) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            if (escapes != null) {
                generator.setCharacterEscapes(escapes);
            }
            write(generator, node);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to a string failed", impossible);
        }
        return text.toString();
    }

    private static final class ControlEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final ControlEscapes INSTANCE = new ControlEscapes();

        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        private ControlEscapes() {
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return c >= 0x80 && c <= 0x9f ? new SerializedString(String.format("\\u%04X", c)) : null;
        }
    }
}
