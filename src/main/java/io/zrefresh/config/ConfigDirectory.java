package io.zrefresh.config;

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

    public Path configFile() {
        return root.resolve("config");
    }

    public Path credentialsFile() {
        return root.resolve("credentials");
    }

    public Path locksDir() {
        return root.resolve("locks");
    }

    public Path historyFile() {
        return root.resolve("zrefresh_history");
    }
}
