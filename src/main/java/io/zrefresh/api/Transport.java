package io.zrefresh.api;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Sends one POST and reads the whole answer. The seam between the API client and HTTP. */
public interface Transport extends AutoCloseable {

    HttpReply post(URI uri, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException;

    @Override
    default void close() {}
}
