package io.zrefresh.devserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response, immutable. Its body is written on demand, so a large list can be streamed instead of held in memory. */
final class HttpResponse implements Reply {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    /** Writes a response body. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final String contentType;
    private final Map<String, String> headers;
    private final Body body;
    private final long contentLength;
    private final Integer apiCode;

    private HttpResponse(
            int status,
            String contentType,
            Map<String, String> headers,
            Body body,
            long contentLength,
            Integer apiCode) {
        this.status = status;
        this.contentType = contentType;
        this.headers = headers;
        this.body = body;
        this.contentLength = contentLength;
        this.apiCode = apiCode;
    }

    /** A response with a body known in advance, sent with Content-Length. A null content type sends no such header. */
    static HttpResponse of(int status, String contentType, byte[] body) {
        return fixed(status, contentType, body, null);
    }

    /** A JSON envelope known in advance; {@code apiCode} is its {@code code}, for the request log. */
    static HttpResponse json(int status, int apiCode, byte[] body) {
        return fixed(status, JSON, body, apiCode);
    }

    /** A JSON envelope written while it is sent, with chunked transfer encoding (its length is not known up front). */
    static HttpResponse streamedJson(int status, int apiCode, Body body) {
        return new HttpResponse(status, JSON, Map.of(), body, -1, apiCode);
    }

    static HttpResponse text(int status, String text) {
        return of(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** What the server's web framework answers for any path or method it does not route. */
    static HttpResponse notFound() {
        return text(404, "404 page not found");
    }

    private static HttpResponse fixed(int status, String contentType, byte[] body, Integer apiCode) {
        return new HttpResponse(status, contentType, Map.of(), out -> out.write(body), body.length, apiCode);
    }

    HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, contentType, Map.copyOf(more), body, contentLength, apiCode);
    }

    /** The same response with only the first half of its body, announced with the shortened Content-Length. */
    HttpResponse truncatedToHalf() {
        byte[] whole = bodyBytes();
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        return new HttpResponse(status, contentType, headers, out -> out.write(half), half.length, apiCode);
    }

    private byte[] bodyBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            body.writeTo(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    Map<String, String> headers() {
        return headers;
    }

    Body body() {
        return body;
    }

    /** The body's length, or -1 when it is streamed. */
    long contentLength() {
        return contentLength;
    }

    /** The envelope's {@code code}, or null when the body is not the API envelope. */
    Integer apiCode() {
        return apiCode;
    }

    static String reasonPhrase(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Request Entity Too Large";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
