package io.zrefresh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniFileTest {

    private static final String OFFICIAL = """
            ; written by hand
            [default]
            endpoint = https://in03-abc.serverless.gcp-us-west1.cloud.zilliz.com
            database=default
            cluster_id = in03-abc

            # staging cluster
            [staging]
            endpoint=https://staging.example
            future_key = kept

            [org.abc123]
            api_key = org-key
            """;

    @Test
    void readsBothSpacingsCommentsAndSections() throws Exception {
        IniFile file = IniFile.parse(OFFICIAL, "config");
        assertThat(file.sections()).containsExactly("default", "staging", "org.abc123");
        assertThat(file.get("default", "endpoint"))
                .contains("https://in03-abc.serverless.gcp-us-west1.cloud.zilliz.com");
        assertThat(file.get("default", "database")).contains("default");
        assertThat(file.get("staging", "FUTURE_KEY")).contains("kept");
        assertThat(file.get("staging", "database")).isEmpty();
    }

    @Test
    void aMalformedLineIsReportedWithFileAndLine() {
        ConfigException error = catchThrowableOfType(
                ConfigException.class,
                () -> IniFile.parse("[default]\nendpoint = x\nthis is not ini\n", "/home/u/.zilliz/config"));
        assertThat(error.getMessage())
                .startsWith("/home/u/.zilliz/config:3: malformed line")
                .contains("this is not ini");
    }

    @Test
    void keysBeforeAnySectionAreMalformed() {
        ConfigException error =
                catchThrowableOfType(ConfigException.class, () -> IniFile.parse("endpoint = x\n", "cfg"));
        assertThat(error.getMessage()).startsWith("cfg:1:").contains("before any [section]");
    }

    @Test
    void setRewritesOnlyTheLinesItMust() throws Exception {
        IniFile file = IniFile.parse(OFFICIAL, "config");
        file.set("staging", "endpoint", "https://new.example");
        file.set("staging", "database", "db2");
        file.set("prod", "endpoint", "https://prod.example");
        assertThat(file.render()).isEqualTo("""
                ; written by hand
                [default]
                endpoint = https://in03-abc.serverless.gcp-us-west1.cloud.zilliz.com
                database=default
                cluster_id = in03-abc

                # staging cluster
                [staging]
                endpoint=https://new.example
                future_key = kept
                database = db2

                [org.abc123]
                api_key = org-key

                [prod]
                endpoint = https://prod.example
                """);
    }

    @Test
    void removeSectionKeepsTheCommentsOfOthers() throws Exception {
        IniFile file = IniFile.parse(OFFICIAL, "config");
        assertThat(file.removeSection("default")).isTrue();
        assertThat(file.removeSection("nope")).isFalse();
        assertThat(file.render()).isEqualTo("""
                ; written by hand

                # staging cluster
                [staging]
                endpoint=https://new.example
                future_key = kept

                [org.abc123]
                api_key = org-key
                """.replace("https://new.example", "https://staging.example"));
    }

    @Test
    void windowsLineEndingsSurviveARewrite() throws Exception {
        IniFile file = IniFile.parse("[default]\r\nendpoint = a\r\n", "config");
        file.set("default", "database", "d");
        assertThat(file.render()).isEqualTo("[default]\r\nendpoint = a\r\ndatabase = d\r\n");
    }

    @Test
    void writesAtomicallyAndOwnerOnly(@TempDir Path dir) throws Exception {
        Path credentials = Files.createDirectories(dir.resolve("sub")).resolve("credentials");
        Files.writeString(credentials, "[old]\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-rw-rw-"));
        IniFile file = IniFile.parse("", credentials.toString());
        file.set("default", "api_key", "k1");
        file.writeTo(credentials);
        assertThat(Files.readString(credentials)).isEqualTo("[default]\napi_key = k1\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                .isEqualTo("rw-------");
        try (var listing = Files.list(credentials.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("credentials");
        }
    }

    @Test
    void aMissingFileIsEmpty(@TempDir Path dir) throws Exception {
        assertThat(IniFile.read(dir.resolve("none")).sections()).isEmpty();
    }

    @Test
    void readAndWriteErrorsSayWhy(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> IniFile.read(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Cannot read " + dir + ": is a directory");
        Path inMissingDir = dir.resolve("missing").resolve("config");
        assertThatThrownBy(() -> IniFile.parse("", "config").writeTo(inMissingDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Cannot write " + inMissingDir + ": it does not exist (");
    }

    /**
     * Someone who can write in the directory swaps a link to their own file in for the temp file,
     * between its creation and its writing: the key must go to the file zrefresh created, never
     * through the link.
     */
    @Test
    void aLinkSwappedInForTheTempFileNeverReceivesTheKey(@TempDir Path dir) throws Exception {
        Path credentials = dir.resolve("credentials");
        Path temp = dir.resolve(".credentials.tmp" + ProcessHandle.current().pid());
        Path trap = dir.resolve("trap");
        AtomicBoolean done = new AtomicBoolean();
        Thread attacker = new Thread(() -> {
            while (!done.get()) {
                try {
                    if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(temp);
                        Files.createSymbolicLink(temp, trap);
                    }
                } catch (IOException raced) {
                    // the writer was faster this time: try the next one
                }
            }
        });
        attacker.start();
        try {
            for (int i = 0; i < 500 && !Files.exists(trap); i++) {
                IniFile file = IniFile.parse("", credentials.toString());
                file.set("default", "api_key", "sk-secret-" + i);
                try {
                    file.writeTo(credentials);
                } catch (ConfigException lostTheRace) {
                    // a link in the way is refused: the key stays unwritten, which is what counts
                }
            }
        } finally {
            done.set(true);
            attacker.join();
        }
        assertThat(trap).doesNotExist();
    }
}
