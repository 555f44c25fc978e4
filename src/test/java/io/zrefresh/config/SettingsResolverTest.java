package io.zrefresh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("config"), """
                [default]
                endpoint = https://default.example
                database = db_default

                [staging]
                endpoint = https://staging.example
                """);
        Files.writeString(dir.resolve("credentials"), """
                [default]
                api_key = key-default

                [staging]
                api_key = key-staging

                [org.x]
                api_key = org
                """);
        Files.setPosixFilePermissions(dir.resolve("credentials"), PosixFilePermissions.fromString("rw-------"));
        env.put("ZILLIZ_CONFIG_DIR", dir.toString());
    }

    private SettingsResolver resolver() {
        return new SettingsResolver(new ContextStore(ConfigDirectory.from(env)), env);
    }

    @Test
    void filesAloneGiveTheDefaultContext() throws Exception {
        Target target = resolver().resolve(null, null, null);
        assertThat(target.context()).isEqualTo("default");
        assertThat(target.endpoint()).hasToString("https://default.example");
        assertThat(target.database()).isEqualTo("db_default");
        assertThat(target.apiKey()).isEqualTo("key-default");
        assertThat(target.warnings()).isEmpty();
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsFiles() throws Exception {
        env.put("ZILLIZ_ENDPOINT", "https://env.example");
        env.put("ZILLIZ_DATABASE", "db_env");
        env.put("ZILLIZ_API_KEY", "key-env");
        Target fromEnv = resolver().resolve(null, null, null);
        assertThat(fromEnv.endpoint()).hasToString("https://env.example");
        assertThat(fromEnv.database()).isEqualTo("db_env");
        assertThat(fromEnv.apiKey()).isEqualTo("key-env");

        Target fromFlags = resolver().resolve(null, URI.create("https://flag.example"), "db_flag");
        assertThat(fromFlags.endpoint()).hasToString("https://flag.example");
        assertThat(fromFlags.database()).isEqualTo("db_flag");
    }

    @Test
    void contextComesFromFlagThenEnvironment() throws Exception {
        env.put("ZILLIZ_CONTEXT", "staging");
        Target staging = resolver().resolve(null, null, null);
        assertThat(staging.endpoint()).hasToString("https://staging.example");
        assertThat(staging.apiKey()).isEqualTo("key-staging");
        assertThat(staging.database()).isEqualTo("default");
        assertThat(resolver().resolve("default", null, null).endpoint()).hasToString("https://default.example");
    }

    @Test
    void aContextWithoutItsOwnKeyUsesTheDefaultKey() throws Exception {
        Files.writeString(
                dir.resolve("config"), "[prod]\nendpoint = https://prod.example\n", StandardOpenOption.APPEND);
        assertThat(resolver().resolve("prod", null, null).apiKey()).isEqualTo("key-default");
    }

    @Test
    void anUnknownNamedContextIsAConfigError() {
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> resolver().resolve("prdo", null, null));
        assertThat(error.getMessage())
                .contains(
                        "Context \"prdo\" is not defined",
                        "known: default, staging",
                        "zrefresh context set prdo --endpoint");
    }

    @Test
    void noFilesNeededInCi() throws Exception {
        env.put("ZILLIZ_CONFIG_DIR", dir.resolve("empty").toString());
        env.put("ZILLIZ_ENDPOINT", "https://ci.example");
        env.put("ZILLIZ_API_KEY", "ci-key");
        Target target = resolver().resolve(null, null, null);
        assertThat(target.database()).isEqualTo("default");
        assertThat(target.apiKey()).isEqualTo("ci-key");
    }

    @Test
    void missingEndpointSaysWhatWasReadAndHowToFixIt() {
        env.put("ZILLIZ_CONFIG_DIR", dir.resolve("empty").toString());
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> resolver().resolve(null, null, null));
        assertThat(error.getMessage())
                .contains(
                        "No endpoint for context \"default\"",
                        dir.resolve("empty").resolve("config").toString(),
                        "zrefresh context set default --endpoint",
                        "ZILLIZ_ENDPOINT");
    }

    @Test
    void missingKeySaysWhatWasReadAndHowToFixIt() throws Exception {
        Files.delete(dir.resolve("credentials"));
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> resolver().resolve(null, null, null));
        assertThat(error.getMessage())
                .contains("No API key for context \"default\"", "credentials", "ZILLIZ_API_KEY", "--api-key-stdin");
    }

    @Test
    void aMalformedConfigIsAConfigError() throws Exception {
        Files.writeString(dir.resolve("config"), "[default]\nendpoint\n");
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> resolver().resolve(null, null, null));
        assertThat(error.getMessage()).startsWith(dir.resolve("config") + ":2: malformed line");
    }

    @Test
    void anInvalidEndpointNamesWhereItCameFrom() {
        env.put("ZILLIZ_ENDPOINT", "in03-abc.zilliz.com");
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> resolver().resolve(null, null, null));
        assertThat(error.getMessage()).contains("ZILLIZ_ENDPOINT", "is not an endpoint URL");
    }

    @Test
    void warnsWhenTheCredentialsFileIsReadableByOthers() throws Exception {
        Files.setPosixFilePermissions(dir.resolve("credentials"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(resolver().resolve(null, null, null).warnings())
                .singleElement()
                .asString()
                .contains("is readable by other users", "chmod 600");
        env.put("ZILLIZ_API_KEY", "from-env");
        assertThat(resolver().resolve(null, null, null).warnings()).isEmpty();
    }

    @Test
    void warnsWhenTheKeyGoesOverPlainHttpToAnotherHost() throws Exception {
        assertThat(resolver()
                        .resolve(null, URI.create("http://10.0.0.5:19530"), null)
                        .warnings())
                .singleElement()
                .asString()
                .contains("plain http", "10.0.0.5");
        assertThat(resolver()
                        .resolve(null, URI.create("http://127.0.0.1:19530"), null)
                        .warnings())
                .isEmpty();
        assertThat(resolver()
                        .resolve(null, URI.create("http://localhost:19530"), null)
                        .warnings())
                .isEmpty();
        assertThat(resolver()
                        .resolve(null, URI.create("http://[::1]:19530"), null)
                        .warnings())
                .isEmpty();
    }

    @Test
    void aKeyThatCannotGoIntoAHeaderIsAConfigurationErrorThatDoesNotShowIt() {
        env.put("ZILLIZ_API_KEY", "sk-first\nsk-second");
        ConfigException fromEnv =
                catchThrowableOfType(ConfigException.class, () -> resolver().resolve(null, null, null));
        assertThat(fromEnv.getMessage())
                .isEqualTo(
                        "ZILLIZ_API_KEY cannot be sent: it has a line break (U+000A) at character 9 of 18 (the key is"
                                + " not shown). Set it again with: export ZILLIZ_API_KEY=... again")
                .doesNotContain("sk-first", "sk-second");
        env.put("ZILLIZ_API_KEY", "  sk-trimmed-0001\n");
        assertThat(catchThrowableOfType(ConfigException.class, () -> resolver().resolve(null, null, null)))
                .as("a line break at the end is only whitespace")
                .isNull();
    }

    @Test
    void aControlByteInTheCredentialsFileNamesTheFileAndSection() throws Exception {
        Files.writeString(dir.resolve("credentials"), "[staging]\napi_key = key\u0007staging\n");
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> resolver().resolve("staging", null, null));
        assertThat(error.getMessage())
                .isEqualTo("The API key of [staging] in " + dir.resolve("credentials")
                        + " cannot be sent: it has a control character (U+0007) at character 4 of 11 (the key is not"
                        + " shown). Set it again with: zrefresh context set staging --api-key-stdin")
                .doesNotContain("staging\u0007", "key\u0007");
    }

    @Test
    void anEndpointWithAPasswordIsRefusedMasked() throws Exception {
        env.put("ZILLIZ_ENDPOINT", "https://u:hunter2@cluster.example");
        ConfigException fromEnv =
                catchThrowableOfType(ConfigException.class, () -> resolver().resolve(null, null, null));
        assertThat(fromEnv.getMessage())
                .startsWith("Invalid endpoint in ZILLIZ_ENDPOINT: 'https://***@cluster.example' holds a user name")
                .doesNotContain("hunter2");
        env.remove("ZILLIZ_ENDPOINT");
        Files.writeString(dir.resolve("config"), "[default]\nendpoint = https://u:hunter2@cluster.example\n");
        assertThat(catchThrowableOfType(ConfigException.class, () -> resolver().resolve(null, null, null))
                        .getMessage())
                .startsWith("Invalid endpoint in " + dir.resolve("config") + " [default]: 'https://***@")
                .doesNotContain("hunter2");
    }

    @Test
    void warnsWhenOthersCanChangeTheConfig() throws Exception {
        Files.setPosixFilePermissions(dir.resolve("config"), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(resolver().resolve(null, null, null).warnings())
                .singleElement()
                .asString()
                .isEqualTo("Warning: " + dir.resolve("config") + " can be changed by other users, who could point the"
                        + " endpoint at a server of theirs and receive the key; run: chmod go-w "
                        + dir.resolve("config"));
    }
}
