package io.zrefresh.support;

import io.zrefresh.devserver.DevServer;
import io.zrefresh.devserver.DevServerOptions;
import io.zrefresh.devserver.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** A dev server on a free port, and a CLI runner pointed at it with a config dir of its own. */
public final class DevServerFixture implements AutoCloseable {

    public static final String TOKEN = "test-token";

    public final DevServer server;
    public final Path configDir;

    private DevServerFixture(DevServer server, Path configDir) {
        this.server = server;
        this.configDir = configDir;
    }

    public static DevServerFixture start(Path configDir, Duration jobTime) {
        try {
            DevServer server = DevServer.start(
                    DevServerOptions.defaults().withPort(0).withToken(TOKEN).withJobTime(jobTime));
            return new DevServerFixture(server, configDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A runner with endpoint and key in the environment, as a CI job has them. */
    public CliRun cli() {
        return new CliRun()
                .env("ZILLIZ_ENDPOINT", server.url().toString())
                .env("ZILLIZ_API_KEY", TOKEN)
                .env("ZILLIZ_CONFIG_DIR", configDir.toString())
                .env("HOME", configDir.toString());
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
