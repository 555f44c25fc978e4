package io.zrefresh.api;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

/**
 * What a {@link RefreshApi} needs to know: where, who, how long to wait, how often to try.
 *
 * @param debug where to trace each exchange, or null for no trace
 */
public record ClientSettings(URI endpoint, String apiKey, Duration requestTimeout, int attempts,
                             String userAgent, PrintStream debug) {
}
