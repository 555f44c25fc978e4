package io.zrefresh.devserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;

/** Serves one HTTP exchange of the JDK's server: reads the request, asks the handler, sends its reply. */
final class ExchangeHandler implements HttpHandler {

    /** Turns a request into a reply; may block (delays). */
    interface Handler {
        Reply handle(Request request) throws InterruptedException;
    }

    private final Handler handler;
    private final RequestLog log;

    ExchangeHandler(Handler handler, RequestLog log) {
        this.handler = handler;
        this.log = log;
    }

    /** Closing an exchange that sent no headers closes its connection: that is how a reply of no answer is made. */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = Request.read(exchange);
            long started = System.nanoTime();
            Reply reply = answer(request);
            if (reply instanceof Response response) {
                // Logged before it is sent: once the client has it, its next request may be logged by another thread.
                log.answered(request, response, started);
                send(exchange, request, response);
            } else {
                log.noAnswer(request, started);
            }
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt(); // the server is closing: the connection goes without an answer
        }
    }

    /** Like the server's recovery middleware, a failing handler becomes HTTP 500 {"code":500} instead of a dead connection. */
    private Reply answer(Request request) throws InterruptedException {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            log.failed(request, e);
            return Envelope.internalError();
        }
    }

    private static void send(HttpExchange exchange, Request request, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        response.headers().forEach(exchange.getResponseHeaders()::set);
        // The JDK's server takes 0 for a chunked body and -1 for none (an answer to HEAD never has one).
        boolean noBody = response.contentLength() == 0 || request.method().equals("HEAD");
        exchange.sendResponseHeaders(
                response.status(), noBody ? -1 : response.contentLength() < 0 ? 0 : response.contentLength());
        if (!noBody) {
            try (OutputStream body = exchange.getResponseBody()) {
                response.body().writeTo(body);
            }
        }
    }
}
