package io.zrefresh.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to the server that did not give a usable answer. The message is one sentence for the
 * user; the fields tell callers what kind of failure it was and whether trying again is safe.
 */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** HTTP 401/403, codes 1800 and 80001. */
        AUTH,
        /** The server answered with an error: code != 0, an HTTP error status, an unusable body. */
        SERVER,
        /** No answer at all: refused, reset, timed out. */
        NETWORK
    }

    /** Whether the request may have been acted on by the server even though no answer was read. */
    public enum Delivery {
        /** The server certainly did not act on it (refused connection, rate limiter, auth). */
        NOT_PROCESSED,
        /** The server may have acted on it: the answer was lost or is an error of unknown effect. */
        UNKNOWN,
        /** The server read the request and answered with a business error. */
        REJECTED
    }

    private final Kind kind;
    private final Delivery delivery;
    private final boolean transientFailure;
    private final Integer serverCode;
    private final String serverMessage;
    private final int httpStatus;
    private final Duration retryAfter;
    private final String traceId;

    private ApiException(Builder builder) {
        super(builder.message, builder.cause);
        this.kind = builder.kind;
        this.delivery = builder.delivery;
        this.transientFailure = builder.transientFailure;
        this.serverCode = builder.serverCode;
        this.serverMessage = builder.serverMessage;
        this.httpStatus = builder.httpStatus;
        this.retryAfter = builder.retryAfter;
        this.traceId = builder.traceId;
    }

    public static Builder of(Kind kind, String message) {
        return new Builder(kind, message);
    }

    public Kind kind() {
        return kind;
    }

    public Delivery delivery() {
        return delivery;
    }

    /** A failure that may go away by itself (timeouts, rate limits, proxies that are restarting). */
    public boolean isTransient() {
        return transientFailure;
    }

    public Optional<Integer> serverCode() {
        return Optional.ofNullable(serverCode);
    }

    /** The server's own message text, or "" when it sent none. */
    public String serverMessage() {
        return serverMessage == null ? "" : serverMessage;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The server's {@code X-Milvus-Trace-Id} of the answer that failed, when it sent one. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** Same failure, told as the outcome of a named operation ("list refresh jobs", ...). */
    public ApiException withMessage(String message) {
        return copy(message).build();
    }

    /** Same failure, with the trace id of the answer that told it (null: none). */
    ApiException withTraceId(String id) {
        Builder copy = copy(getMessage());
        copy.traceId = id;
        return copy.build();
    }

    private Builder copy(String message) {
        Builder copy = new Builder(kind, message);
        copy.cause = getCause();
        copy.delivery = delivery;
        copy.transientFailure = transientFailure;
        copy.serverCode = serverCode;
        copy.serverMessage = serverMessage;
        copy.httpStatus = httpStatus;
        copy.retryAfter = retryAfter;
        copy.traceId = traceId;
        return copy;
    }

    public static final class Builder {
        private final Kind kind;
        private final String message;
        private Throwable cause;
        private Delivery delivery = Delivery.UNKNOWN;
        private boolean transientFailure;
        private Integer serverCode;
        private String serverMessage;
        private int httpStatus;
        private Duration retryAfter;
        private String traceId;

        private Builder(Kind kind, String message) {
            this.kind = kind;
            this.message = message;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public Builder delivery(Delivery delivery) {
            this.delivery = delivery;
            return this;
        }

        public Builder transientFailure() {
            this.transientFailure = true;
            return this;
        }

        public Builder server(Integer code, String message) {
            this.serverCode = code;
            this.serverMessage = message;
            return this;
        }

        public Builder httpStatus(int status) {
            this.httpStatus = status;
            return this;
        }

        public Builder retryAfter(Duration delay) {
            this.retryAfter = delay;
            return this;
        }

        public ApiException build() {
            return new ApiException(this);
        }
    }
}
