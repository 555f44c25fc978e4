package io.zrefresh.devserver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Serves the requests of one TCP connection, one after the other, until the client closes it, asks for close,
 * idles out, or a handler resets it. Owns the raw socket so that faults can reset it or cut answers short.
 */
final class HttpConnection implements Runnable {

    /** Turns a request into a reply; may block (delays). */
    interface Handler {
        Reply handle(HttpRequest request) throws InterruptedException;
    }

    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    private static final int OUTPUT_BUFFER_BYTES = 64 * 1024;
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final Socket socket;
    private final long id;
    private final Handler handler;
    private final RequestLog log;
    private final Runnable onClose;

    HttpConnection(Socket socket, long id, Handler handler, RequestLog log, Runnable onClose) {
        this.socket = socket;
        this.id = id;
        this.handler = handler;
        this.log = log;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (IOException e) {
            // The client went away, idled out, or was reset: there is nobody left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly();
            onClose.run();
        }
    }

    private void serve() throws IOException, InterruptedException {
        socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), OUTPUT_BUFFER_BYTES);
        HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(socket.getInputStream()), out, id);
        while (true) {
            HttpRequest request;
            try {
                request = reader.read();
            } catch (HttpRequestReader.MalformedRequestException e) {
                String text = e.status() + " " + HttpResponse.reasonPhrase(e.status()) + ": " + e.getMessage();
                send(out, HttpResponse.text(e.status(), text), false, false);
                return;
            }
            if (request == null) {
                return;
            }
            long started = System.nanoTime();
            Reply reply = answer(request);
            if (!(reply instanceof HttpResponse response)) {
                reset();
                log.reset(request, started);
                return;
            }
            boolean keepAlive = request.keepAlive();
            send(out, response, keepAlive, "HEAD".equals(request.method()));
            log.answered(request, response, started);
            if (!keepAlive) {
                return;
            }
        }
    }

    /** Like the server's recovery middleware, a failing handler becomes HTTP 500 {"code":500} instead of a dead connection. */
    private Reply answer(HttpRequest request) throws InterruptedException {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            log.failed(request, e);
            return Envelope.internalError();
        }
    }

    private void send(OutputStream out, HttpResponse response, boolean keepAlive, boolean headersOnly)
            throws IOException {
        boolean chunked = response.contentLength() < 0;
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ")
                .append(response.status())
                .append(' ')
                .append(HttpResponse.reasonPhrase(response.status()))
                .append("\r\n");
        if (response.contentType() != null) {
            head.append("Content-Type: ").append(response.contentType()).append("\r\n");
        }
        head.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + response.contentLength())
                .append("\r\n");
        head.append("Date: ")
                .append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        response.headers()
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headersOnly) {
            if (chunked) {
                ChunkedOutputStream body = new ChunkedOutputStream(out);
                response.body().writeTo(body);
                body.finish();
            } else {
                response.body().writeTo(out);
            }
        }
        out.flush();
    }

    /** SO_LINGER 0 makes close() send a TCP RST instead of a FIN: the client sees "connection reset". */
    private void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // already broken; nothing more to release
        }
    }
}
