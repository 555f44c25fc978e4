package io.zrefresh.support;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that start a dev server of their own (with the job time they need) and a config dir. */
public abstract class DevServerTest {

    @TempDir
    protected Path home;

    protected DevServerFixture dev;

    protected DevServerFixture server(Duration jobTime) {
        dev = DevServerFixture.start(home, jobTime);
        return dev;
    }

    /** A server on {@code time}, which the CLI runs of {@link DevServerFixture#cli()} share. */
    protected DevServerFixture server(Duration jobTime, FakeTime time) {
        dev = DevServerFixture.start(home, jobTime, time);
        return dev;
    }

    @AfterEach
    void stopServer() {
        if (dev != null) {
            dev.close();
        }
    }
}
