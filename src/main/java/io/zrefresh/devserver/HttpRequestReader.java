package io.zrefresh.devserver;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads HTTP/1.x requests off one connection: request line, headers, and a Content-Length or chunked body. */
final class HttpRequestReader {

    private static final int MAX_LINE_BYTES = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /** A request that cannot be served; the connection answers {@code status} and closes. */
    static final class MalformedRequestException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        MalformedRequestException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final InputStream in;
    private final OutputStream out;
    private final long connectionId;

    /** {@code out} is only used for the interim {@code 100 Continue} that clients sending {@code Expect} wait for. */
    HttpRequestReader(InputStream in, OutputStream out, long connectionId) {
        this.in = in;
        this.out = out;
        this.connectionId = connectionId;
    }

    /** The next request, or null when the client closed the connection between requests. */
    HttpRequest read() throws IOException, MalformedRequestException {
        String requestLine = readLine(true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].startsWith("/") || !parts[2].startsWith("HTTP/1.")) {
            throw badRequest();
        }
        Map<String, String> headers = readHeaders();
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write(CONTINUE);
            out.flush();
        }
        return new HttpRequest(connectionId, parts[0], parts[1], parts[2], headers, readBody(headers));
    }

    private Map<String, String> readHeaders() throws IOException, MalformedRequestException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS || Character.isWhitespace(line.charAt(0))) {
                throw badRequest();
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (first, next) -> first + ", " + next);
        }
        return headers;
    }

    private byte[] readBody(Map<String, String> headers) throws IOException, MalformedRequestException {
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null) {
            if (!transferEncoding.equalsIgnoreCase("chunked")) {
                throw new MalformedRequestException(501, "unsupported transfer encoding: " + transferEncoding);
            }
            return readChunkedBody();
        }
        String contentLength = headers.get("content-length");
        if (contentLength == null) {
            return new byte[0];
        }
        long length = parseLength(contentLength, 10);
        if (length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return readExactly((int) length);
    }

    private byte[] readChunkedBody() throws IOException, MalformedRequestException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            int extension = sizeLine.indexOf(';');
            long size = parseLength(
                    extension < 0
                            ? sizeLine.trim()
                            : sizeLine.substring(0, extension).trim(),
                    16);
            if (size == 0) {
                break;
            }
            if (body.size() + size > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            body.write(readExactly((int) size));
            if (!readLine(false).isEmpty()) {
                throw badRequest();
            }
        }
        while (!readLine(false).isEmpty()) {
            // trailer fields carry nothing the simulator uses
        }
        return body.toByteArray();
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    /**
     * Reads one line without its CRLF (a bare LF is accepted too).
     *
     * @param firstOfRequest whether a clean end of stream here means the client is simply done (null is returned)
     */
    private String readLine(boolean firstOfRequest) throws IOException, MalformedRequestException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b = in.read();
        if (b < 0 && firstOfRequest) {
            return null;
        }
        while (b != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed in the middle of a request");
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new MalformedRequestException(431, "request line or header too long");
            }
            line.write(b);
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static long parseLength(String text, int radix) throws MalformedRequestException {
        try {
            long value = Long.parseLong(text, radix);
            if (value < 0 || text.startsWith("+")) {
                throw badRequest();
            }
            return value;
        } catch (NumberFormatException e) {
            throw badRequest();
        }
    }

    private static MalformedRequestException badRequest() {
        return new MalformedRequestException(400, "malformed HTTP request");
    }

    private static MalformedRequestException tooLarge() {
        return new MalformedRequestException(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
    }
}
