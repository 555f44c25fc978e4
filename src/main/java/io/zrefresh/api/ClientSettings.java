package io.zrefresh.api;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

/**
 * What a {@link RefreshApi} needs to know: where, who, how long to wait for an answer.
 *
 * @param debug       where to trace each exchange, or null for no trace
 * @param traceparent a W3C trace context to send as {@code traceparent} (the pipeline's trace), or null
 */
public record ClientSettings(
        URI endpoint, String apiKey, Duration requestTimeout, String userAgent, PrintStream debug, String traceparent) {

    public ClientSettings(URI endpoint, String apiKey, Duration requestTimeout, String userAgent, PrintStream debug) {
        this(endpoint, apiKey, requestTimeout, userAgent, debug, null);
    }
}
