package io.zrefresh.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;

/**
 * The JDK's HttpClient behind {@link Transport}. The client is built on the first request, since
 * building it (SSL context) costs a few hundred milliseconds that --help and --version must not
 * pay. One client per command, so all polls of a wait reuse one keep-alive connection.
 */
public final class JdkHttpTransport implements Transport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private HttpClient client;

    @Override
    public HttpReply post(URI uri, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> lowerCaseHeaders = new TreeMap<>();
        response.headers().map().forEach((name, values) -> lowerCaseHeaders.put(name.toLowerCase(Locale.ROOT), values));
        return new HttpReply(response.statusCode(), lowerCaseHeaders, response.body());
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }
}
