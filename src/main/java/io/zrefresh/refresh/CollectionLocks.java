package io.zrefresh.refresh;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One exclusive lock per endpoint + database + collection, so that two zrefresh processes on one
 * machine cannot both pass the overlap check before either has sent its refresh. A file lock
 * serialises processes; a semaphore per file serialises threads of one JVM (the shell, tests),
 * which file locks do not.
 */
public final class CollectionLocks {

    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);

    private final Path directory;

    /** @param directory where the lock files go; it exists, and only its owner can write there */
    public CollectionLocks(Path directory) {
        this.directory = directory;
    }

    /** A held lock; closing it releases it. */
    public static final class Held implements AutoCloseable {
        private final Semaphore threads;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(Semaphore threads, FileChannel channel, FileLock lock) {
            this.threads = threads;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                threads.release();
            }
        }
    }

    /** Blocks until the lock of this collection is ours. */
    public Held acquire(String endpoint, String database, String collection) throws IOException, InterruptedException {
        Path file = directory.resolve(fileName(endpoint, database, collection)).toAbsolutePath();
        Semaphore threads = IN_PROCESS.computeIfAbsent(file, any -> new Semaphore(1));
        threads.acquire();
        FileChannel channel = null;
        try {
            // Owner-only (0600) whatever the umask: a lock file others could write is one they could hold.
            channel = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? FileChannel.open(
                            file,
                            OPEN,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(file, OPEN);
            return new Held(threads, channel, channel.lock());
        } catch (IOException | RuntimeException failed) {
            if (channel != null) {
                channel.close();
            }
            threads.release();
            throw failed;
        }
    }

    /** A fixed-length name, so that any collection name makes a valid file name. */
    static String fileName(String endpoint, String database, String collection) {
        String key = endpoint + "\n" + database + "\n" + collection;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "refresh-" + HexFormat.of().formatHex(digest, 0, 12) + ".lock";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }
}
