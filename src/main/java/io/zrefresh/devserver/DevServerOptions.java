package io.zrefresh.devserver;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DevServer} runs.
 *
 * @param port    TCP port on 127.0.0.1; 0 picks a free one
 * @param token   the API key clients must send as {@code Authorization: Bearer <token>}; null or empty turns auth off
 * @param jobTime how long a refresh job takes from start to {@code RefreshCompleted}
 * @param clock   source of job times (tests pass a fixed or manual clock)
 * @param log     one line per request ({@code method path status code=N (ms)}); null keeps the server silent
 */
public record DevServerOptions(int port, String token, Duration jobTime, Clock clock, PrintStream log) {

    public static final int DEFAULT_PORT = 19530;
    public static final String DEFAULT_TOKEN = "zrefresh-dev";
    public static final Duration DEFAULT_JOB_TIME = Duration.ofSeconds(10);

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

    /** Port 19530, token {@code zrefresh-dev}, 10 s jobs, the system clock, no log. */
    public static DevServerOptions defaults() {
        return new DevServerOptions(DEFAULT_PORT, DEFAULT_TOKEN, DEFAULT_JOB_TIME, Clock.systemUTC(), null);
    }

    public DevServerOptions withPort(int port) {
        return new DevServerOptions(port, token, jobTime, clock, log);
    }

    public DevServerOptions withToken(String token) {
        return new DevServerOptions(port, token, jobTime, clock, log);
    }

    public DevServerOptions withJobTime(Duration jobTime) {
        return new DevServerOptions(port, token, jobTime, clock, log);
    }

    public DevServerOptions withClock(Clock clock) {
        return new DevServerOptions(port, token, jobTime, clock, log);
    }

    public DevServerOptions withLog(PrintStream log) {
        return new DevServerOptions(port, token, jobTime, clock, log);
    }

    /** Whether requests must carry the bearer token. */
    public boolean authEnabled() {
        return token != null && !token.isEmpty();
    }
}
