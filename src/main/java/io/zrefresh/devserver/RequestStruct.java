package io.zrefresh.devserver;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the server's Go request structs: its JSON fields, their Go types, and which are {@code binding:"required"}.
 * {@link #decode} rejects exactly what Go's encoding/json and gin's validation reject (1801, then 1802), and accepts
 * what they accept: unknown keys, keys in another letter case, {@code null} values (left at the zero value).
 */
final class RequestStruct {

    enum GoType {
        STRING,
        INT64
    }

    /** A struct field: its JSON key, its Go name (used in 1802 messages) and type, and whether it is required. */
    record Field(String jsonName, String goName, GoType type, boolean required) {

        static Field optionalString(String jsonName) {
            return new Field(jsonName, null, GoType.STRING, false);
        }

        static Field requiredString(String jsonName, String goName) {
            return new Field(jsonName, goName, GoType.STRING, true);
        }

        static Field requiredInt64(String jsonName, String goName) {
            return new Field(jsonName, goName, GoType.INT64, true);
        }

        private boolean isZero(JsonNode value) {
            return value == null || (type == GoType.STRING ? value.textValue().isEmpty() : value.longValue() == 0);
        }
    }

    /** The decoded field values; absent fields read as Go's zero values ("" and 0). */
    static final class Values {
        private final Map<String, JsonNode> byJsonName;

        private Values(Map<String, JsonNode> byJsonName) {
            this.byJsonName = byJsonName;
        }

        String string(String jsonName) {
            JsonNode value = byJsonName.get(jsonName);
            return value == null ? "" : value.textValue();
        }

        long int64(String jsonName) {
            JsonNode value = byJsonName.get(jsonName);
            return value == null ? 0 : value.longValue();
        }
    }

    private final String name;
    private final List<Field> fields;

    RequestStruct(String name, Field... fields) {
        this.name = name;
        this.fields = List.of(fields);
    }

    Values decode(byte[] body) throws ApiError {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw ApiError.invalidJson(
                    "json: cannot unmarshal " + goKind(root) + " into Go value of type httpserver." + name);
        }
        Map<String, JsonNode> values = new HashMap<>();
        // Document order, so the first type error reported is the first Go meets; a later duplicate key wins, as in Go.
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            Field field = fieldFor(property.getKey());
            JsonNode value = property.getValue();
            if (field == null || value.isNull()) {
                continue;
            }
            checkType(field, value);
            values.put(field.jsonName(), value);
        }
        for (Field field : fields) {
            if (field.required() && field.isZero(values.get(field.jsonName()))) {
                throw ApiError.missingRequired(name, field.goName());
            }
        }
        return new Values(values);
    }

    private static JsonNode parse(byte[] body) throws ApiError {
        try {
            JsonNode root = JsonCodec.MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw ApiError.invalidJson("EOF");
            }
            return root;
        } catch (JacksonException e) {
            throw ApiError.invalidJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.invalidJson(e.getMessage());
        }
    }

    /** Go matches keys to fields exactly first, else ignoring case. */
    private Field fieldFor(String key) {
        Field caseInsensitive = null;
        for (Field field : fields) {
            if (field.jsonName().equals(key)) {
                return field;
            }
            if (field.jsonName().equalsIgnoreCase(key)) {
                caseInsensitive = field;
            }
        }
        return caseInsensitive;
    }

    private void checkType(Field field, JsonNode value) throws ApiError {
        boolean fits = field.type() == GoType.STRING
                ? value.isTextual()
                : value.isIntegralNumber() && value.canConvertToLong();
        if (!fits) {
            // Go names the literal only when a number does not fit the integer type.
            String what = value.isNumber() && field.type() == GoType.INT64 ? "number " + value.asText() : goKind(value);
            String goType = field.type() == GoType.STRING ? "string" : "int64";
            throw ApiError.invalidJson("json: cannot unmarshal " + what + " into Go struct field " + name + "."
                    + field.jsonName() + " of type " + goType);
        }
    }

    private static String goKind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "bool";
            default -> "null";
        };
    }
}
