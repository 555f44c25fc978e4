package io.zrefresh.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;

/** A JSON value as one cell of table, csv or text output. */
final class Cells {

    private Cells() {}

    /** Strings bare, numbers exact, null empty, objects and arrays as compact JSON. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return Json.compact(value);
    }
}
