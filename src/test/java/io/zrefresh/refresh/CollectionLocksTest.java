package io.zrefresh.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionLocksTest {

    @TempDir
    Path dir;

    @Test
    void oneHolderAtATimePerCollection() throws Exception {
        CollectionLocks locks = new CollectionLocks(dir.resolve("locks"));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            threads.add(new Thread(() -> {
                try (CollectionLocks.Held held = locks.acquire("https://e", "default", "books")) {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    inside.decrementAndGet();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(most.get()).isEqualTo(1);
        try (var files = Files.list(dir.resolve("locks"))) {
            assertThat(files.toList()).singleElement().asString().endsWith(".lock");
        }
    }

    @Test
    void differentCollectionsDoNotBlockEachOther() throws Exception {
        CollectionLocks locks = new CollectionLocks(dir);
        try (CollectionLocks.Held a = locks.acquire("https://e", "default", "a");
                CollectionLocks.Held b = locks.acquire("https://e", "default", "b")) {
            try (var files = Files.list(dir)) {
                assertThat(files.count()).isEqualTo(2);
            }
        }
    }
}
