package io.zrefresh.devserver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour of the server or of what sits between it and the client, injected through {@link Faults}.
 * Immutable: {@link #on}, {@link #times} and {@link #withHeader} return changed copies.
 */
public final class Fault {

    /** What the fault does to the request it catches. */
    enum Kind {
        /** Answer a canned response; the request is not processed. */
        HTTP_STATUS("http-status"),
        /** Close the connection without answering; the request is not processed. */
        RESET("reset"),
        /** Process the request, then close the connection without answering: the job exists, the client never hears of it. */
        LOST_ANSWER("lost-answer"),
        /** Process the request, then send only the first half of the answer's body. */
        TRUNCATED_JSON("truncated-json"),
        /** Wait, then process and answer normally. */
        DELAY("delay"),
        /** Answer the rate limiter's code 1807, as the server does (its trace id, its status); the request is not processed. */
        RATE_LIMITED("rate-limited");

        final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }
    }

    private final Kind kind;
    private final Endpoint endpoint;
    private final int times;
    private final Response cannedResponse;
    private final Duration delay;

    private Fault(Kind kind, Endpoint endpoint, int times, Response cannedResponse, Duration delay) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.times = times;
        this.cannedResponse = cannedResponse;
        this.delay = delay;
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, Endpoint.ANY, 1, null, Duration.ZERO);
    }

    private static Fault canned(Response response) {
        return new Fault(Kind.HTTP_STATUS, Endpoint.ANY, 1, response, Duration.ZERO);
    }

    /** Answers {@code status} with this body, e.g. a proxy's HTML 503 page. A null content type sends none. */
    public static Fault httpStatus(int status, String contentType, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be between 100 and 599: " + status);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return canned(Response.of(status, contentType, bytes));
    }

    /** Code 1807, as the server's rate limiter answers: HTTP 200, or 429 when the server uses standard statuses. */
    public static Fault rateLimited() {
        return of(Kind.RATE_LIMITED);
    }

    /** The plain-text {@code 404 page not found} of a data plane that predates these endpoints. */
    public static Fault oldDataPlane() {
        return canned(Response.notFound());
    }

    /**
     * Reads the request, then closes the connection without processing or answering it: the client sees the
     * connection end before an answer came, as when a proxy resets it.
     */
    public static Fault reset() {
        return of(Kind.RESET);
    }

    /** Processes the request for real (a refresh creates its job), then closes the connection without answering. */
    public static Fault lostAnswer() {
        return of(Kind.LOST_ANSWER);
    }

    /** Processes the request for real, then sends only the first half of the JSON body (with a matching Content-Length). */
    public static Fault truncatedJson() {
        return of(Kind.TRUNCATED_JSON);
    }

    /** Sleeps, then processes and answers normally; a client with a shorter timeout gives up, the work is still done. */
    public static Fault delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new Fault(Kind.DELAY, Endpoint.ANY, 1, null, delay);
    }

    /** Adds a header to the canned answer of an {@link #httpStatus} fault, e.g. {@code Retry-After}. */
    public Fault withHeader(String name, String value) {
        if (kind != Kind.HTTP_STATUS) {
            throw new IllegalStateException("only an http-status fault has headers; this is " + kind.wireName);
        }
        return new Fault(kind, endpoint, times, cannedResponse.withHeader(name, value), delay);
    }

    /** Catches only requests to this endpoint (default {@link Endpoint#ANY}). */
    public Fault on(Endpoint endpoint) {
        return new Fault(kind, Objects.requireNonNull(endpoint, "endpoint"), times, cannedResponse, delay);
    }

    /** Catches this many matching requests (default 1). */
    public Fault times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        return new Fault(kind, endpoint, times, cannedResponse, delay);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public int times() {
        return times;
    }

    Kind kind() {
        return kind;
    }

    Response cannedResponse() {
        return cannedResponse;
    }

    Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        String detail = switch (kind) {
            case HTTP_STATUS -> " " + cannedResponse.status();
            case DELAY -> " " + delay.toMillis() + "ms";
            default -> "";
        };
        return kind.wireName + detail + " on " + endpoint.wireName() + " x" + times;
    }
}
