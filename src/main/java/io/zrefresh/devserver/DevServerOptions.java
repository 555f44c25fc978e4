package io.zrefresh.devserver;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DevServer} runs.
 *
 * @param port                TCP port on 127.0.0.1; 0 picks a free one
 * @param token               the API key clients must send as {@code Authorization: Bearer <token>}; null or empty turns auth off
 * @param jobTime             how long a refresh job takes from start to {@code RefreshCompleted}
 * @param clock               source of job times (tests pass a manual or fake clock)
 * @param log                 one line per request ({@code method path status code=N (ms)}); null keeps the server silent
 * @param standardErrorStatus answer business errors with their natural HTTP status instead of 200, as a server with
 *                            {@code proxy.http.standardErrorStatus} does
 */
public record DevServerOptions(
        int port, String token, Duration jobTime, Clock clock, PrintStream log, boolean standardErrorStatus) {

    public static final int DEFAULT_PORT = 19530;
    public static final String DEFAULT_TOKEN = "zrefresh-dev";
    public static final long DEFAULT_JOB_TIME_SECONDS = 10;

    public DevServerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        Objects.requireNonNull(jobTime, "jobTime");
        if (jobTime.toMillis() < 1) {
            throw new IllegalArgumentException("jobTime must be at least 1ms: " + jobTime);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** The default port and token, 10 s jobs, the system clock, no log, the server's usual HTTP 200 for errors. */
    public static DevServerOptions defaults() {
        return new DevServerOptions(
                DEFAULT_PORT,
                DEFAULT_TOKEN,
                Duration.ofSeconds(DEFAULT_JOB_TIME_SECONDS),
                Clock.systemUTC(),
                null,
                false);
    }

    public DevServerOptions withPort(int port) {
        return new DevServerOptions(port, token, jobTime, clock, log, standardErrorStatus);
    }

    public DevServerOptions withToken(String token) {
        return new DevServerOptions(port, token, jobTime, clock, log, standardErrorStatus);
    }

    public DevServerOptions withJobTime(Duration jobTime) {
        return new DevServerOptions(port, token, jobTime, clock, log, standardErrorStatus);
    }

    public DevServerOptions withClock(Clock clock) {
        return new DevServerOptions(port, token, jobTime, clock, log, standardErrorStatus);
    }

    public DevServerOptions withLog(PrintStream log) {
        return new DevServerOptions(port, token, jobTime, clock, log, standardErrorStatus);
    }

    public DevServerOptions withStandardErrorStatus(boolean standardErrorStatus) {
        return new DevServerOptions(port, token, jobTime, clock, log, standardErrorStatus);
    }

    /** Whether requests must carry the bearer token. */
    public boolean authEnabled() {
        return token != null && !token.isEmpty();
    }
}
