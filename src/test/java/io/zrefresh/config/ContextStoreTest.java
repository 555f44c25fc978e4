package io.zrefresh.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextStoreTest {

    @TempDir
    Path dir;

    private ContextStore store() {
        return new ContextStore(new ConfigDirectory(dir));
    }

    @Test
    void setCreatesBothFilesWithTheKeyOwnerOnly() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("endpoint", "https://e.example");
        values.put("database", null);
        store().set("default", values, "sk-123456789");
        assertThat(Files.readString(dir.resolve("config"))).isEqualTo("[default]\nendpoint = https://e.example\n");
        assertThat(Files.readString(dir.resolve("credentials"))).isEqualTo("[default]\napi_key = sk-123456789\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("credentials"))))
                .isEqualTo("rw-------");
    }

    @Test
    void describeMasksTheKey() throws Exception {
        Files.writeString(dir.resolve("config"), "[default]\nendpoint = https://e\ncluster_id = c1\n");
        Files.writeString(dir.resolve("credentials"), "[default]\napi_key = sk-abcdefgh1234\n[org.z]\napi_key = o\n");
        assertThat(store().describe("default"))
                .containsExactly(
                        Map.entry("endpoint", "https://e"),
                        Map.entry("cluster_id", "c1"),
                        Map.entry("api_key", "****1234"));
        assertThat(store().names()).containsExactly("default");
        assertThat(ContextStore.mask("short")).isEqualTo("****");
    }

    @Test
    void deleteRemovesTheContextFromBothFilesAndKeepsTheRest() throws Exception {
        Files.writeString(dir.resolve("config"), "# mine\n[a]\nendpoint = https://a\n\n[b]\nendpoint = https://b\n");
        Files.writeString(dir.resolve("credentials"), "[a]\napi_key = ka\n\n[org.q]\napi_key = o\n");
        assertThat(store().delete("a")).isTrue();
        assertThat(Files.readString(dir.resolve("config"))).isEqualTo("# mine\n\n[b]\nendpoint = https://b\n");
        assertThat(Files.readString(dir.resolve("credentials"))).isEqualTo("\n[org.q]\napi_key = o\n");
        assertThat(store().delete("a")).isFalse();
    }

    @Test
    void describeMasksAPasswordInTheEndpoint() throws Exception {
        Files.writeString(dir.resolve("config"), "[default]\nendpoint = https://u:hunter2@e.example\n");
        assertThat(store().describe("default")).containsEntry("endpoint", "https://***@e.example");
    }
}
