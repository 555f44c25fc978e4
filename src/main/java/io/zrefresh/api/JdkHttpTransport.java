package io.zrefresh.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The JDK's HttpClient behind {@link Transport}. The client is built on the first request, since
 * building it (SSL context) costs a few hundred milliseconds that --help and --version must not
 * pay. One client per command, so all polls of a wait reuse one keep-alive connection.
 */
public final class JdkHttpTransport implements Transport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The most bytes read of one answer: a third of the heap, at most 256 MiB. An answer is held
     * whole and briefly twice while it is joined, and rendering it takes about as much again; with
     * the JVM launcher's 192 MB heap that is 61 MiB, twice a list of 100,000 jobs (30 MB).
     */
    public static final long MAX_ANSWER_CEILING = 256L << 20;

    private final long maxAnswer;

    /** The client's own threads: it starts them on the thread that builds it, whose group they join. */
    private final ThreadGroup clientThreads = new ThreadGroup("zrefresh-http");

    private HttpClient client;

    public JdkHttpTransport() {
        this(Math.min(MAX_ANSWER_CEILING, Runtime.getRuntime().maxMemory() / 3));
    }

    /** @param maxAnswer the most bytes read of one answer */
    public JdkHttpTransport(long maxAnswer) {
        this.maxAnswer = maxAnswer;
    }

    @Override
    public HttpReply post(URI uri, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = client(uri).send(request.build(), CappedBody.handler(maxAnswer, timeout));
        } catch (IOException failed) {
            // The client wraps what the body handler threw; the cap is no network failure.
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof AnswerTooLargeException tooLarge) {
                    throw tooLarge;
                }
            }
            throw failed;
        }
        Map<String, List<String>> lowerCaseHeaders = new TreeMap<>();
        response.headers().map().forEach((name, values) -> lowerCaseHeaders.put(name.toLowerCase(Locale.ROOT), values));
        return new HttpReply(response.statusCode(), lowerCaseHeaders, response.body());
    }

    /**
     * Ends the client's threads. JDK 17's HttpClient has no close of its own, and its selector thread
     * would wait in native code, which makes the JVM's exit wait up to 300 ms for it to settle;
     * interrupted, it ends at once. No request may follow.
     */
    @Override
    public void close() {
        clientThreads.interrupt();
    }

    /** Built for the first request's endpoint; a command talks to one endpoint only. */
    private synchronized HttpClient client(URI first) throws IOException, InterruptedException {
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if ("http".equalsIgnoreCase(first.getScheme())) {
                builder.sslContext(contextWithoutTrustStore());
            }
            client = buildAmongClientThreads(builder);
        }
        return client;
    }

    private HttpClient buildAmongClientThreads(HttpClient.Builder builder) throws IOException, InterruptedException {
        FutureTask<HttpClient> build = new FutureTask<>(builder::build);
        new Thread(clientThreads, build, "zrefresh-http-build").start();
        try {
            return build.get();
        } catch (ExecutionException failed) {
            throw new IOException("the HTTP client could not be built", failed.getCause());
        }
    }

    /**
     * For plain http: the client insists on an SSL context, and the default one reads the JDK's
     * trust store (over 100 ms). One that trusts nothing is never used, and costs nothing.
     */
    private static SSLContext contextWithoutTrustStore() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException unavailable) {
            throw new IOException("no TLS implementation in this JVM", unavailable);
        }
    }
}
