package io.zrefresh.output;

/**
 * Text from the server (a job's reason, state or collection name, an error message) made safe to
 * show to people: control characters (C0, DEL, C1) are written as visible escapes, so that an
 * answer cannot move the cursor, retitle the window, clear the screen, or start a line of its own
 * in a CI log (where a forged {@code ::error::} line would be read as a command). Data formats
 * (json, yaml, csv) keep values exact and do not use this.
 */
public final class SafeText {

    private SafeText() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (safe == null) {
                    safe = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                safe.append(visible(c));
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
    }

    private static String visible(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
