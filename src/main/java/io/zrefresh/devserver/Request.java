package io.zrefresh.devserver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One request as the handlers see it, body read in full.
 *
 * @param path   the request path without its query string: routing ignores the query, as the server's router does
 * @param client the client's address and port, which identify its TCP connection (for the keep-alive statistics)
 */
record Request(String method, String path, Headers headers, byte[] body, InetSocketAddress client) {

    static Request read(HttpExchange exchange) throws IOException {
        return new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders(),
                exchange.getRequestBody().readAllBytes(),
                exchange.getRemoteAddress());
    }

    /** The header's first value, or null when absent; names are case-insensitive. */
    String header(String name) {
        return headers.getFirst(name);
    }
}
