package io.zrefresh.devserver;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A bare TCP connection to the server, for checks a real HTTP client hides: framing, keep-alive, malformed requests. */
final class RawConnection implements AutoCloseable {

    /** A response as it came off the wire; {@code chunked} tells how the body was framed. */
    record RawResponse(String statusLine, Map<String, String> headers, String body, boolean chunked) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(DevServer server) throws IOException {
        socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A POST with Content-Length and the given extra header lines (each ending in CRLF). */
    static String post(String path, String body, String extraHeaders) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    RawResponse readResponse() throws IOException {
        RawResponse head = readResponseHead();
        byte[] body = head.chunked()
                ? readChunks()
                : in.readNBytes(Integer.parseInt(head.headers().getOrDefault("content-length", "0")));
        return new RawResponse(
                head.statusLine(), head.headers(), new String(body, StandardCharsets.UTF_8), head.chunked());
    }

    /** Status line and headers only, e.g. of an answer to HEAD, which has no body whatever its Content-Length says. */
    RawResponse readResponseHead() throws IOException {
        String statusLine = readLine();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        return new RawResponse(statusLine, headers, "", "chunked".equals(headers.get("transfer-encoding")));
    }

    /** True when the server has closed its side: the next read sees the end of the stream. */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private byte[] readChunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(readLine(), 16); size > 0; size = Integer.parseInt(readLine(), 16)) {
            body.write(in.readNBytes(size));
            readLine();
        }
        readLine();
        return body.toByteArray();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
