package io.zrefresh.support;

import io.zrefresh.devserver.DevServer;
import io.zrefresh.devserver.DevServerOptions;
import io.zrefresh.devserver.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A dev server on a free port, and a CLI runner pointed at it with a config dir of its own. Started on a
 * {@link FakeTime}, server and CLI share that one clock: the CLI's waits move it, no test sleeps in real time.
 */
public final class DevServerFixture implements AutoCloseable {

    public static final String TOKEN = "test-token";

    public final DevServer server;
    public final Path configDir;
    private final FakeTime time;

    private DevServerFixture(DevServer server, Path configDir, FakeTime time) {
        this.server = server;
        this.configDir = configDir;
        this.time = time;
    }

    /** On the system clock. */
    public static DevServerFixture start(Path configDir, Duration jobTime) {
        return start(configDir, jobTime, Clock.systemUTC(), null);
    }

    /** On a fake clock that the CLI run by {@link #cli()} reads and sleeps on too. */
    public static DevServerFixture start(Path configDir, Duration jobTime, FakeTime time) {
        return start(configDir, jobTime, time, time);
    }

    private static DevServerFixture start(Path configDir, Duration jobTime, Clock clock, FakeTime time) {
        try {
            DevServer server = DevServer.start(DevServerOptions.defaults()
                    .withPort(0)
                    .withToken(TOKEN)
                    .withJobTime(jobTime)
                    .withClock(clock));
            return new DevServerFixture(server, configDir, time);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A runner with endpoint and key in the environment, as a CI job has them (and the fake time, if any). */
    public CliRun cli() {
        CliRun run = new CliRun()
                .env("ZILLIZ_ENDPOINT", server.url().toString())
                .env("ZILLIZ_API_KEY", TOKEN)
                .env("ZILLIZ_CONFIG_DIR", configDir.toString())
                .env("HOME", configDir.toString());
        return time == null ? run : run.time(time);
    }

    public long requests(Endpoint endpoint) {
        return server.stats().requests(endpoint);
    }

    /** Every request of the three endpoints, counted together. */
    public long apiRequests() {
        return requests(Endpoint.ANY);
    }

    @Override
    public void close() {
        server.close();
    }
}
