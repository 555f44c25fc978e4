package io.zrefresh.output;

import java.util.Locale;

/** The values of -o/--output. */
public enum OutputFormat {
    TABLE,
    JSON,
    YAML,
    CSV,
    TEXT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputFormat parse(String text) {
        for (OutputFormat format : values()) {
            if (format.id().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an output format (table, json, yaml, csv, text)");
    }
}
