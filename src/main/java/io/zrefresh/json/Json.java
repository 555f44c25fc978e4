package io.zrefresh.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The one JSON mapper of the client. Numbers are read exactly: int64 job ids stay longs, bigger
 * integers become BigIntegers and decimals BigDecimals, so nothing passes through a double.
 * Tree model only (no binding to classes), which needs no native-image reflection config.
 */
public final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads one value from a parser in the middle of a document (what follows it is not its business). */
    private static final ObjectReader VALUE_READER =
            MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    /** The value at the parser's current token, which is left at the value's last token. */
    public static JsonNode readValue(JsonParser parser) throws IOException {
        return VALUE_READER.readTree(parser);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Parses a complete JSON document; trailing garbage is an error. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static JsonNode parse(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    /** Compact one-line JSON, as sent on the wire. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
