package io.zrefresh.devserver;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The three simulated API endpoints, plus {@link #ANY} for faults that apply to whichever comes first. */
public enum Endpoint {
    REFRESH("refresh"),
    DESCRIBE("describe"),
    LIST("list"),
    ANY("any");

    /** The three real endpoints, without {@link #ANY}. */
    public static final List<Endpoint> API = List.of(REFRESH, DESCRIBE, LIST);

    private static final String API_PREFIX = "/v2/vectordb/jobs/external_collection/";

    private final String wireName;

    Endpoint(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase name used in paths and in the control endpoints' JSON ({@code refresh}, ..., {@code any}). */
    public String wireName() {
        return wireName;
    }

    /** The request path of this endpoint, e.g. {@code /v2/vectordb/jobs/external_collection/refresh}. */
    public String path() {
        if (this == ANY) {
            throw new IllegalStateException("ANY only selects faults; it has no path");
        }
        return API_PREFIX + wireName;
    }

    /** Parses a {@link #wireName()}. */
    public static Endpoint fromWireName(String name) {
        return Arrays.stream(values())
                .filter(e -> e.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown endpoint \"" + name + "\" (expected refresh, describe, list or any)"));
    }

    /** The API endpoint served at exactly this path (no trailing slash, as the server's router matches). */
    static Optional<Endpoint> forPath(String path) {
        return API.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    /** Whether a fault registered for this endpoint applies to a request to {@code requested}. */
    boolean covers(Endpoint requested) {
        return this == ANY || this == requested;
    }
}
