package io.zrefresh.devserver;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The checks a refresh request passes before any collection is looked up: name syntax, then source and spec. */
final class RefreshValidation {

    private static final int MAX_NAME_LENGTH = 255;
    private static final List<String> FORMATS = List.of("parquet", "lance-table", "iceberg-table", "vortex");
    /** Spec keys under {@code extfs} whose values are credentials; the server echoes them as {@code ***}. */
    private static final List<String> SECRET_KEY_PARTS = List.of("key_value", "secret", "password", "token");

    private RefreshValidation() {}

    /** Milvus' rule: a letter or underscore, then letters, digits and underscores, at most 255 characters. */
    static void checkCollectionName(String name) throws ApiError {
        String invalid = "Invalid collection name: " + name + ". ";
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiError.invalidParameter(
                    invalid + "the length of a collection name must be less than " + MAX_NAME_LENGTH + " characters.");
        }
        if (!isLetterOrUnderscore(name.charAt(0))) {
            throw ApiError.invalidParameter(
                    invalid + "the first character of a collection name must be an underscore or letter.");
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLetterOrUnderscore(c) && !(c >= '0' && c <= '9')) {
                throw ApiError.invalidParameter(
                        invalid + "collection name can only contain numbers, letters and underscores.");
            }
        }
    }

    /**
     * Checks the pairing and content of an optional source and spec ("" means omitted, as in Go).
     *
     * @return the source to use and persist, its spec compacted and with secrets masked; empty when both are omitted
     */
    static Optional<ExternalSource> checkSourceAndSpec(String uri, String spec) throws ApiError {
        if (uri.isEmpty() && spec.isEmpty()) {
            return Optional.empty();
        }
        if (uri.isEmpty() || spec.isEmpty()) {
            throw ApiError.invalidParameter(
                    "external_source and external_spec must be both provided or both omitted on refresh"
                            + " (got source=" + goQuote(uri) + ", spec=" + goQuote(spec) + ")");
        }
        ObjectNode specObject = parseSpec(spec);
        checkFormat(specObject.get("format"));
        checkScheme(uri);
        maskSecrets(specObject.get("extfs"));
        return Optional.of(new ExternalSource(uri, specObject.toString()));
    }

    private static ObjectNode parseSpec(String spec) throws ApiError {
        JsonNode parsed;
        try {
            parsed = JsonCodec.MAPPER.readTree(spec);
        } catch (JacksonException e) {
            throw ApiError.invalidParameter("invalid external_spec, must be a JSON object: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw ApiError.invalidParameter("invalid external_spec, must be a JSON object: " + spec);
        }
        return object;
    }

    private static void checkFormat(JsonNode format) throws ApiError {
        if (format != null && !(format.isTextual() && FORMATS.contains(format.textValue()))) {
            throw ApiError.invalidParameter(
                    "unsupported format " + format + ", supported formats: " + String.join(", ", FORMATS));
        }
    }

    private static void checkScheme(String uri) throws ApiError {
        int separator = uri.indexOf("://");
        if (separator > 0
                && uri.substring(0, separator).toLowerCase(Locale.ROOT).equals("file")) {
            throw ApiError.invalidParameter("external source scheme \"file\" is not allowed: " + uri);
        }
    }

    private static void maskSecrets(JsonNode extfs) {
        if (extfs instanceof ObjectNode object) {
            List<String> secretKeys = object.properties().stream()
                    .map(Map.Entry::getKey)
                    .filter(key -> SECRET_KEY_PARTS.stream().anyMatch(key.toLowerCase(Locale.ROOT)::contains))
                    .toList();
            secretKeys.forEach(key -> object.put(key, "***"));
        }
    }

    private static boolean isLetterOrUnderscore(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Go's %q for the strings that appear here: quoted, with backslashes and quotes escaped. */
    private static String goQuote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
