package io.zrefresh.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's HttpClient behind {@link Transport}. A client is built on the first request, since
 * building it costs startup time that --help and --version must not pay, and kept for the
 * transport's life: all polls of a wait, and all commands of a shell, reuse its keep-alive
 * connections. One client per scheme: a plain http one sets up no TLS.
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

    private final Map<String, HttpClient> clients = new HashMap<>();

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

    private synchronized HttpClient client(URI uri) throws IOException, InterruptedException {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        HttpClient client = clients.get(scheme);
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (scheme.equals("http")) {
                builder.sslContext(PlainHttp.CONTEXT).sslParameters(new SSLParameters());
            }
            client = buildAmongClientThreads(builder);
            clients.put(scheme, client);
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
     * For plain http. The client insists on an SSL context and its parameters, and the JDK's own
     * (even one that trusts nothing) loads the security providers and sets up TLS: 25 to 35 ms of
     * startup that a plain http connection never uses. This one sets up nothing and can make no
     * TLS connection.
     */
    private static final class PlainHttp extends SSLContextSpi {

        static final SSLContext CONTEXT = new SSLContext(new PlainHttp(), null, "none") {};

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {}

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw noTls();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw noTls();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw noTls();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw noTls();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw noTls();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw noTls();
        }

        private static UnsupportedOperationException noTls() {
            return new UnsupportedOperationException(
                    "a client built for a plain http endpoint makes no TLS connection");
        }
    }
}
