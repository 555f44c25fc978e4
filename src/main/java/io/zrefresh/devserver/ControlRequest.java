package io.zrefresh.devserver;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The JSON object body of a control request, with typed field access. Any misuse is an IllegalArgumentException (HTTP 400). */
final class ControlRequest {

    private final ObjectNode body;

    private ControlRequest(ObjectNode body) {
        this.body = body;
    }

    /** An empty body reads as {@code {}}. */
    static ControlRequest parse(byte[] body) {
        if (body.length == 0) {
            return new ControlRequest(JsonCodec.MAPPER.createObjectNode());
        }
        try {
            if (JsonCodec.MAPPER.readTree(body) instanceof ObjectNode object) {
                return new ControlRequest(object);
            }
            throw new IllegalArgumentException("the body must be a JSON object");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable body: " + e.getMessage());
        }
    }

    /** Rejects keys outside {@code allowed}, so a misspelt option is an error rather than silently ignored. */
    ControlRequest allowOnly(Set<String> allowed) {
        for (String key : body.properties().stream().map(Map.Entry::getKey).toList()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown field \"" + key + "\"; expected one of " + allowed);
            }
        }
        return this;
    }

    String text(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw wrongType(field, "a string");
        }
        return value.textValue();
    }

    String text(String field, String fallback) {
        return body.hasNonNull(field) ? text(field) : fallback;
    }

    int integer(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(field, "an integer");
        }
        return value.intValue();
    }

    int integer(String field, int fallback) {
        return body.hasNonNull(field) ? integer(field) : fallback;
    }

    long int64(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, "an integer");
        }
        return value.longValue();
    }

    boolean bool(String field) {
        JsonNode value = required(field);
        if (!value.isBoolean()) {
            throw wrongType(field, "true or false");
        }
        return value.booleanValue();
    }

    /** An object of string values, in document order; empty when absent. */
    Map<String, String> textMap(String field) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!body.hasNonNull(field)) {
            return map;
        }
        JsonNode value = body.get(field);
        if (!value.isObject()) {
            throw wrongType(field, "an object of strings");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw wrongType(field + "." + entry.getKey(), "a string");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }

    /** A nested object, e.g. {@code jobBehaviour} of a config request. */
    ControlRequest object(String field) {
        if (required(field) instanceof ObjectNode object) {
            return new ControlRequest(object);
        }
        throw wrongType(field, "an object");
    }

    boolean has(String field) {
        return body.hasNonNull(field);
    }

    private JsonNode required(String field) {
        if (!body.hasNonNull(field)) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return body.get(field);
    }

    private static IllegalArgumentException wrongType(String field, String expected) {
        return new IllegalArgumentException("field \"" + field + "\" must be " + expected);
    }
}
