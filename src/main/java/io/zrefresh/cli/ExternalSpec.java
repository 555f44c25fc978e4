package io.zrefresh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.config.PrivateFiles;
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

    /** Far above any spec; a bound, so that @/dev/zero or an endless pipe ends with a message. */
    private static final int MAX_BYTES = 1 << 20;

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
        boolean fromStdin = source.equals("-");
        byte[] bytes = fromStdin ? readStdin(stdin) : readFile(source);
        if (bytes.length > MAX_BYTES) {
            throw new UsageException("--external-spec: " + (fromStdin ? "stdin" : source) + " holds more than "
                    + (MAX_BYTES >> 20) + " MiB, too much for a spec (a small JSON object)");
        }
        if (fromStdin && bytes.length == 0) {
            throw new UsageException(
                    "--external-spec @-: stdin is empty; pipe the spec in, or give it inline or as @file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new UsageException("--external-spec: " + (fromStdin ? "stdin" : source) + " is not UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** At most one byte more than a spec may have, so that an endless stdin cannot fill the memory. */
    private static byte[] readStdin(InputStream stdin) throws UsageException {
        try {
            return stdin.readNBytes(MAX_BYTES + 1);
        } catch (IOException unreadable) {
            throw new UsageException("--external-spec: cannot read stdin: " + unreadable.getMessage());
        }
    }

    private static byte[] readFile(String name) throws UsageException {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException invalid) {
            throw new UsageException("--external-spec: '" + name + "' is not a file name: " + invalid.getReason());
        }
        if (Files.isDirectory(path)) {
            throw new UsageException("--external-spec: cannot read " + name + ": it is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException unreadable) {
            throw new UsageException(
                    "--external-spec: cannot read " + name + ": " + PrivateFiles.reason(unreadable, path));
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
