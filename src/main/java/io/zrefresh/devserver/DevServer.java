package io.zrefresh.devserver;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * A simulator of the external-collection refresh endpoints ({@code POST /v2/vectordb/jobs/external_collection/
 * refresh|describe|list}) that is as strict as the real server, with example collections, fault injection and
 * counters. Serves HTTP/1.1 on 127.0.0.1 only; control endpoints live under {@code /_dev/}.
 */
public final class DevServer implements AutoCloseable {

    private final Faults faults = new Faults();
    private final Stats stats = new Stats();
    private final Catalog catalog = Catalog.withExamples();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final JobStore jobs;
    private final MiniHttpServer http;

    private DevServer(DevServerOptions options) throws IOException {
        jobs = new JobStore(options.clock(), options.jobTime());
        ApiHandler api = new ApiHandler(options.authEnabled() ? options.token() : null, catalog, jobs, faults, stats);
        ControlHandler control = new ControlHandler(this);
        http = MiniHttpServer.start(
                options.port(),
                request -> ControlHandler.serves(request) ? control.handle(request) : api.handle(request),
                new RequestLog(options.log()));
    }

    /** Binds 127.0.0.1 on the options' port and starts serving. */
    public static DevServer start(DevServerOptions options) throws IOException {
        return new DevServer(options);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:19530} (no trailing slash). */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return http.port();
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
        CollectionMeta collection;
        try {
            collection = catalog.find(dbName, collectionName);
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ExternalSource source = collection
                .persistedSource()
                .orElseThrow(() -> new IllegalArgumentException("cannot seed jobs of " + dbName + "." + collectionName
                        + ": not an external collection with a persisted source"));
        jobs.seed(collection, source, count);
    }

    /** Blocks until {@link #close()} is called, e.g. by a shutdown hook of the {@code dev-server} command. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops accepting connections and closes the open ones. */
    @Override
    public void close() {
        http.close();
        closed.countDown();
    }
}
