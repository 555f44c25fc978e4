package io.zrefresh.devserver;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the API traffic. Control requests ({@code /_dev/...}) are not counted. */
public final class Stats {

    private final Map<Endpoint, AtomicLong> requests = new EnumMap<>(Endpoint.class);
    private final Set<InetSocketAddress> apiConnections = ConcurrentHashMap.newKeySet();
    private final AtomicLong jobsCreated = new AtomicLong();

    Stats() {
        Endpoint.API.forEach(endpoint -> requests.put(endpoint, new AtomicLong()));
    }

    /** Requests that reached the endpoint, faulted ones included; {@link Endpoint#ANY} sums all three. */
    public long requests(Endpoint endpoint) {
        if (endpoint == Endpoint.ANY) {
            return requests.values().stream().mapToLong(AtomicLong::get).sum();
        }
        return requests.get(endpoint).get();
    }

    /**
     * TCP connections that carried at least one API request, told apart by the client's address and port. A client
     * that reuses its connection (keep-alive) counts once however many requests it sends; connections used only for
     * control requests do not count.
     */
    public long connectionsAccepted() {
        return apiConnections.size();
    }

    /** Refresh jobs created by refresh requests (seeded jobs are not counted). */
    public long jobsCreated() {
        return jobsCreated.get();
    }

    public void reset() {
        requests.values().forEach(counter -> counter.set(0));
        apiConnections.clear();
        jobsCreated.set(0);
    }

    void countRequest(Endpoint endpoint, InetSocketAddress client) {
        requests.get(endpoint).incrementAndGet();
        apiConnections.add(client);
    }

    void countJobCreated() {
        jobsCreated.incrementAndGet();
    }
}
