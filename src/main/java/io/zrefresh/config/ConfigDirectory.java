package io.zrefresh.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the official CLI's files live: {@code $ZILLIZ_CONFIG_DIR}, else {@code ~/.zilliz}. */
public record ConfigDirectory(Path root) {

    public static final String ENV_CONFIG_DIR = "ZILLIZ_CONFIG_DIR";

    public static ConfigDirectory from(Map<String, String> env) {
        String explicit = env.get(ENV_CONFIG_DIR);
        if (explicit != null && !explicit.isBlank()) {
            return new ConfigDirectory(Path.of(explicit));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return new ConfigDirectory(Path.of(home, ".zilliz"));
    }

    /** Creates the directory, mode 0700, when it does not exist yet. */
    public void create() throws ConfigException {
        try {
            PrivateFiles.directory(root);
        } catch (IOException failed) {
            throw new ConfigException(
                    "Cannot create the config directory " + root + ": " + PrivateFiles.reason(failed, root)
                            + "; make it writable or set " + ENV_CONFIG_DIR + " to a directory of yours",
                    failed);
        }
    }

    public Path configFile() {
        return root.resolve("config");
    }

    public Path credentialsFile() {
        return root.resolve("credentials");
    }

    public Path locksDir() {
        return root.resolve("locks");
    }

    /** The locks directory, made (0700, with the config directory) when missing; an error when unusable. */
    public Path createLocksDir() throws IOException {
        PrivateFiles.directory(root);
        Path locks = PrivateFiles.directory(locksDir());
        if (!Files.isWritable(locks)) {
            throw new AccessDeniedException(locks.toString());
        }
        return locks;
    }

    /**
     * Where locks go when the config directory cannot hold them (a read-only home in a CI
     * container): a directory of this user's alone in the system's temp directory, the same for
     * every zrefresh of the user, so they still keep each other apart.
     */
    public static Path fallbackLocksDir() throws IOException {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path own = PrivateFiles.ownDirectory(Path.of(System.getProperty("java.io.tmpdir"), "zrefresh-" + user));
        return PrivateFiles.directory(own.resolve("locks"));
    }

    public Path historyFile() {
        return root.resolve("zrefresh_history");
    }
}
