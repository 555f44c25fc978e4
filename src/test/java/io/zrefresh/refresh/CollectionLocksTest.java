package io.zrefresh.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionLocksTest {

    @TempDir
    Path dir;

    @Test
    void oneHolderAtATimePerCollection() throws Exception {
        CollectionLocks locks = new CollectionLocks(Files.createDirectory(dir.resolve("locks")));
        int threads = 6;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> holders = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                holders.add(pool.submit(() -> {
                    start.await();
                    try (CollectionLocks.Held held = locks.acquire("https://e", "default", "books")) {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(20);
                        inside.decrementAndGet();
                    }
                    return null;
                }));
            }
            // get() rethrows what a holder met (e.g. OverlappingFileLockException without the in-process lock).
            for (Future<?> holder : holders) {
                holder.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(1);
        try (var files = Files.list(dir.resolve("locks"))) {
            Path lock = files.toList().get(0);
            assertThat(lock.toString()).endsWith(".lock");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)))
                    .as("owner-only whatever the umask")
                    .isEqualTo("rw-------");
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
