package io.zrefresh.devserver;

import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP/1.x request.
 *
 * @param connectionId which TCP connection carried it (for the keep-alive statistics)
 * @param target       the request target as sent, query string included
 * @param headers      header values by lowercase name; repeated headers joined with ", "
 */
record HttpRequest(
        long connectionId, String method, String target, String version, Map<String, String> headers, byte[] body) {

    /** The target without its query string: routing ignores the query, as the server's router does. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The header's value, or null when absent. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** HTTP/1.1 keeps the connection unless the client says close; HTTP/1.0 connections are closed after one answer. */
    boolean keepAlive() {
        String connection = header("Connection");
        boolean close = connection != null && hasToken(connection, "close");
        return "HTTP/1.1".equals(version) && !close;
    }

    private static boolean hasToken(String headerValue, String token) {
        for (String part : headerValue.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
