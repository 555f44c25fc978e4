package io.zrefresh.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One HTTP answer, fully read. Header names are lower case. */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String contentType() {
        return header("content-type").orElse("no content type");
    }

    /** The start of the body as text, without decoding all of a large one. */
    public String bodyText(int maxBytes) {
        return new String(body, 0, Math.min(maxBytes, body.length), StandardCharsets.UTF_8);
    }
}
