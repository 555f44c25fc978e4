package io.zrefresh.devserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response. Its body is written on demand, so a large list can be streamed instead of held in memory.
 *
 * @param contentType   null sends no such header
 * @param contentLength the body's length, or -1 when it is streamed (chunked)
 * @param apiCode       the envelope's {@code code}, for the request log; null when the body is not the envelope
 */
record Response(
        int status, String contentType, Map<String, String> headers, Body body, long contentLength, Integer apiCode)
        implements Reply {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    /** Writes a response body. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    static Response of(int status, String contentType, byte[] body) {
        return fixed(status, contentType, body, null);
    }

    /** A JSON envelope known in advance. */
    static Response json(int status, int apiCode, byte[] body) {
        return fixed(status, JSON, body, apiCode);
    }

    /** A JSON envelope written while it is sent: its length is not known up front. */
    static Response streamedJson(int status, int apiCode, Body body) {
        return new Response(status, JSON, Map.of(), body, -1, apiCode);
    }

    static Response text(int status, String text) {
        return of(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** What the server's web framework answers for any path or method it does not route. */
    static Response notFound() {
        return text(404, "404 page not found");
    }

    private static Response fixed(int status, String contentType, byte[] body, Integer apiCode) {
        return new Response(status, contentType, Map.of(), out -> out.write(body), body.length, apiCode);
    }

    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, Map.copyOf(more), body, contentLength, apiCode);
    }

    /** The same response with only the first half of its body, announced with the shortened Content-Length. */
    Response truncatedToHalf() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try {
            body.writeTo(whole);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        byte[] half = Arrays.copyOf(whole.toByteArray(), whole.size() / 2);
        return new Response(status, contentType, headers, out -> out.write(half), half.length, apiCode);
    }
}
