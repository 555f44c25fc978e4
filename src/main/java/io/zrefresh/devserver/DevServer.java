package io.zrefresh.devserver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A simulator of the external-collection refresh endpoints ({@code POST /v2/vectordb/jobs/external_collection/
 * refresh|describe|list}) that is as strict as the real server, with example collections, fault injection and
 * counters. Serves HTTP/1.1 on 127.0.0.1 only, with the JDK's {@link HttpServer}; control endpoints live under
 * {@code /_dev/}.
 */
public final class DevServer implements AutoCloseable {

    private static final int BACKLOG = 128;
    /**
     * The JDK's server writes an answer's head and body apart; with Nagle's algorithm on, the body then waits for the
     * client's delayed ACK (about 40 ms an answer). Go servers, the real one among them, send with TCP_NODELAY.
     * Read once, when the first server of the process is created.
     */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private static final long EXCHANGES_STOP_SECONDS = 5;

    private final Faults faults = new Faults();
    private final Stats stats = new Stats();
    private final Catalog catalog = Catalog.withExamples();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService exchangeThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "zrefresh-dev-server-exchange");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;
    private final JobStore jobs;
    private final ApiHandler api;
    private final HttpServer http;

    private DevServer(DevServerOptions options) throws IOException {
        clock = options.clock();
        jobs = new JobStore(clock, options.jobTime());
        api = new ApiHandler(
                options.authEnabled() ? options.token() : null,
                catalog,
                jobs,
                faults,
                stats,
                options.standardErrorStatus());
        ControlHandler control = new ControlHandler(this);
        System.setProperty(NO_DELAY_PROPERTY, "true");
        http = HttpServer.create(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), options.port()), BACKLOG);
        http.setExecutor(exchangeThreads);
        http.createContext(
                "/",
                new ExchangeHandler(
                        request -> ControlHandler.serves(request) ? control.handle(request) : api.handle(request),
                        new RequestLog(options.log())));
        http.start();
    }

    /**
     * Binds 127.0.0.1 on the options' port and starts serving.
     *
     * @throws java.net.BindException when the port is in use
     */
    public static DevServer start(DevServerOptions options) throws IOException {
        return new DevServer(options);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:19530} (no trailing slash). */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public Faults faults() {
        return faults;
    }

    public Stats stats() {
        return stats;
    }

    /** {@code false} makes a server that accepts overlapping refreshes instead of answering 703 (default {@code true}). */
    public void setOverlapCheck(boolean enabled) {
        jobs.setOverlapCheck(enabled);
    }

    /**
     * {@code true} answers business errors with their natural HTTP status (404, 400, 401, 429, 500) and the same
     * envelope, as a server with {@code proxy.http.standardErrorStatus}; {@code false} (the default) with HTTP 200.
     */
    public void setStandardErrorStatus(boolean enabled) {
        api.setStandardErrorStatus(enabled);
    }

    /**
     * How the refresh jobs of a collection started from now on run: stopping at a progress for a while, never
     * finishing, or passing through a state clients do not know. See {@link JobBehaviour}.
     *
     * @throws IllegalArgumentException when the collection is unknown or not external
     */
    public void setJobBehaviour(String dbName, String collectionName, JobBehaviour behaviour) {
        externalCollection(dbName, collectionName).setJobBehaviour(behaviour);
    }

    /**
     * Adds {@code count} finished jobs of an external collection, with distinct start times before now (within the
     * last 20 hours, so none has expired). They end as the collection's refreshes do: RefreshCompleted, or
     * RefreshFailed for {@code ext_broken}.
     *
     * @throws IllegalArgumentException when the collection is unknown, not external, or has no persisted source
     */
    public void seedJobs(String dbName, String collectionName, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        CollectionMeta collection = externalCollection(dbName, collectionName);
        jobs.seed(collection, persistedSource(collection), count);
    }

    /**
     * Adds one finished job of an external collection that ended at {@code endTime}, e.g. five minutes before the
     * server's now, ending as the collection's refreshes do (RefreshCompleted, or RefreshFailed for
     * {@code ext_broken}). Its start is one job time (half of one for a failed job) before its end.
     *
     * @return its job id
     * @throws IllegalArgumentException when the collection is unknown, not external, has no persisted source, or
     *     the end is in the future or more than 24 hours ago (the job would have expired)
     */
    public long seedFinishedJob(String dbName, String collectionName, Instant endTime) {
        CollectionMeta collection = externalCollection(dbName, collectionName);
        return jobs.seedFinished(
                collection, persistedSource(collection), collection.refreshesFail(), endTime.toEpochMilli());
    }

    /**
     * Like {@link #seedFinishedJob(String, String, Instant)}, with the state it ended in.
     *
     * @param state {@code RefreshCompleted}, or {@code RefreshFailed} (with the reason of an empty source)
     */
    public long seedFinishedJob(String dbName, String collectionName, String state, Instant endTime) {
        if (!state.equals(JobSnapshot.COMPLETED) && !state.equals(JobSnapshot.FAILED)) {
            throw new IllegalArgumentException(
                    "a seeded job ends " + JobSnapshot.COMPLETED + " or " + JobSnapshot.FAILED + ", not " + state);
        }
        CollectionMeta collection = externalCollection(dbName, collectionName);
        return jobs.seedFinished(
                collection, persistedSource(collection), state.equals(JobSnapshot.FAILED), endTime.toEpochMilli());
    }

    /** Blocks until {@link #close()} is called, e.g. by a shutdown hook of the {@code dev-server} command. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /**
     * Stops the server. When it returns, the listening socket is closed (new connections are refused), the open
     * connections are closed, and no exchange is being served any more.
     */
    @Override
    public void close() {
        http.stop(0); // closes the listening socket and the connections, and waits for the dispatcher thread to end
        exchangeThreads.shutdownNow(); // wakes exchanges that sleep in a delay fault
        try {
            exchangeThreads.awaitTermination(EXCHANGES_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed.countDown();
    }

    boolean overlapCheck() {
        return jobs.overlapCheck();
    }

    boolean standardErrorStatus() {
        return api.standardErrorStatus();
    }

    /** The server's now, on its clock. */
    Instant now() {
        return clock.instant();
    }

    private CollectionMeta externalCollection(String dbName, String collectionName) {
        CollectionMeta collection;
        try {
            collection = catalog.find(dbName, collectionName);
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!collection.external()) {
            throw new IllegalArgumentException(dbName + "." + collectionName + " is not an external collection");
        }
        return collection;
    }

    private static ExternalSource persistedSource(CollectionMeta collection) {
        return collection
                .persistedSource()
                .orElseThrow(() -> new IllegalArgumentException("cannot seed jobs of " + collection.database() + "."
                        + collection.name() + ": it has no persisted source yet"));
    }
}
