package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSpecTest {

    @TempDir
    Path dir;

    private static String problem(String raw, InputStream stdin) {
        return catchThrowableOfType(UsageException.class, () -> ExternalSpec.compact(raw, stdin))
                .getMessage();
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithTheReason() {
        Path missing = dir.resolve("missing.json");
        assertThat(problem("@" + missing, InputStream.nullInputStream()))
                .isEqualTo("--external-spec: cannot read " + missing + ": it does not exist");
        assertThat(problem("@" + dir, InputStream.nullInputStream()))
                .isEqualTo("--external-spec: cannot read " + dir + ": it is a directory");
    }

    /** Like /dev/zero, but a read far past the spec's limit fails the test instead of filling the memory. */
    private static InputStream endless() {
        return new InputStream() {
            private long read;

            @Override
            public int read() {
                assertThat(++read).as("bytes read of an endless stdin").isLessThan(2L << 20);
                return 0;
            }
        };
    }

    @Test
    void stdinMustHoldASpecOfReasonableSize() throws Exception {
        assertThat(problem("@-", InputStream.nullInputStream()))
                .startsWith("--external-spec @-: stdin is empty; pipe the spec in");
        assertThat(problem("@-", endless()))
                .isEqualTo("--external-spec: stdin holds more than 1 MiB, too much for a spec (a small JSON object)");
        Path large = Files.write(dir.resolve("large.json"), new byte[(1 << 20) + 10]);
        assertThat(problem("@" + large, InputStream.nullInputStream()))
                .startsWith("--external-spec: " + large + " holds more than 1 MiB");
        assertThat(ExternalSpec.compact("@-", new ByteArrayInputStream("{ \"format\": \"parquet\" }".getBytes())))
                .isEqualTo("{\"format\":\"parquet\"}");
    }
}
