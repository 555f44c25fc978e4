package io.zrefresh.devserver;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The queue of injected faults. Each API request consumes one shot of the first queued fault that matches its endpoint. */
public final class Faults {

    private final List<Entry> queue = new ArrayList<>();

    Faults() {}

    /** Queues a fault behind those already queued. */
    public synchronized void add(Fault fault) {
        queue.add(new Entry(fault));
    }

    public synchronized void clear() {
        queue.clear();
    }

    /** Shots not yet consumed, over all queued faults. */
    public synchronized int remaining() {
        return queue.stream().mapToInt(entry -> entry.shotsLeft).sum();
    }

    /** Consumes one shot of the first fault that applies to a request to {@code endpoint}. */
    synchronized Optional<Fault> take(Endpoint endpoint) {
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.fault.endpoint().covers(endpoint)) {
                if (--entry.shotsLeft == 0) {
                    it.remove();
                }
                return Optional.of(entry.fault);
            }
        }
        return Optional.empty();
    }

    private static final class Entry {
        final Fault fault;
        int shotsLeft;

        Entry(Fault fault) {
            this.fault = fault;
            this.shotsLeft = fault.times();
        }
    }
}
