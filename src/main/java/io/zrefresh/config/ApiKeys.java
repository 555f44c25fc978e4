package io.zrefresh.config;

import java.util.Optional;

/**
 * What an API key may hold. It travels as {@code Authorization: Bearer <key>}, and the HTTP client
 * refuses a header with a line break or a character beyond Latin-1, quoting the whole header in
 * its message; so a key is checked before any request, and a bad one is described without being
 * shown.
 */
public final class ApiKeys {

    private ApiKeys() {}

    /**
     * What is wrong with the key, as the end of a sentence about it ("has a line break at character
     * 17 of 40"), or empty when it can be sent. Keys are printable ASCII; a space is allowed (a
     * self-hosted Milvus takes {@code user:password}).
     */
    public static Optional<String> problem(String key) {
        int length = key.codePointCount(0, key.length());
        int position = 0;
        for (int i = 0; i < key.length(); ) {
            int c = key.codePointAt(i);
            i += Character.charCount(c);
            position++;
            if (c < 0x20 || c > 0x7e) {
                return Optional.of("has " + describe(c) + " at character " + position + " of " + length);
            }
        }
        return Optional.empty();
    }

    private static String describe(int c) {
        String code = String.format("U+%04X", c);
        if (c == '\n' || c == '\r') {
            return "a line break (" + code + ")";
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return "a control character (" + code + ")";
        }
        if (c == 0xfffd) {
            return "bytes that are not UTF-8 text";
        }
        return "a character that is not ASCII (" + code
                + "; a dash, quote or space pasted from a web page or a document often is)";
    }
}
