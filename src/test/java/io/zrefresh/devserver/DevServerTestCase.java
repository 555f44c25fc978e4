package io.zrefresh.devserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the dev server's tests share: before each test a server on a free port and a manual clock, and an API client
 * that sends the server's token; after it, every server the test started is closed.
 */
abstract class DevServerTestCase {

    static final String TOKEN = DevServerOptions.DEFAULT_TOKEN;
    static final long START = 1_754_550_000_000L;

    final ManualClock clock;
    DevServer server;
    ApiClient client;

    private final List<DevServer> started = new ArrayList<>();

    DevServerTestCase() {
        this(START);
    }

    DevServerTestCase(long clockStartMillis) {
        clock = new ManualClock(clockStartMillis);
    }

    /** The options of each test's server: a free port, the manual clock, otherwise the defaults (10 s jobs). */
    DevServerOptions options() {
        return DevServerOptions.defaults().withPort(0).withClock(clock);
    }

    @BeforeEach
    final void startServer() throws IOException {
        use(options());
    }

    /** Makes a server started with {@code options} the test's {@link #server}, with a {@link #client} for it. */
    final void use(DevServerOptions options) throws IOException {
        server = start(options);
        client = new ApiClient(server, options.authEnabled() ? options.token() : null);
    }

    /** Starts another server, closed after the test. */
    final DevServer start(DevServerOptions options) throws IOException {
        DevServer another = DevServer.start(options);
        started.add(another);
        return another;
    }

    @AfterEach
    final void closeServers() {
        started.forEach(DevServer::close);
    }
}
