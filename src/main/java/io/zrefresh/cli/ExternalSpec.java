package io.zrefresh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * --external-spec: a JSON object given inline, as {@code @file}, or as {@code @-} (stdin), read
 * as UTF-8 whatever the locale, checked locally and sent as a compact JSON string.
 */
final class ExternalSpec {

    private ExternalSpec() {}

    static String compact(String raw, InputStream stdin) throws UsageException {
        String text = read(raw, stdin);
        JsonNode spec;
        try {
            spec = Json.parse(text);
        } catch (IOException invalid) {
            throw new UsageException("--external-spec is not valid JSON: " + firstLine(invalid.getMessage()));
        }
        if (spec == null || !spec.isObject()) {
            throw new UsageException("--external-spec must be a JSON object, like {\"format\":\"parquet\"}");
        }
        return Json.compact(spec);
    }

    private static String read(String raw, InputStream stdin) throws UsageException {
        if (!raw.startsWith("@")) {
            return raw;
        }
        String source = raw.substring(1);
        try {
            byte[] bytes = source.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(source));
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw new UsageException(
                    "--external-spec: " + (source.equals("-") ? "stdin" : source) + " is not UTF-8 text");
        } catch (IOException | InvalidPathException unreadable) {
            throw new UsageException("--external-spec: cannot read " + (source.equals("-") ? "stdin" : source) + ": "
                    + unreadable.getMessage());
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
