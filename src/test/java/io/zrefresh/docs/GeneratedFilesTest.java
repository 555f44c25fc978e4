package io.zrefresh.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.support.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * completions/ and man/ are generated from the command definitions and committed, so that users
 * and packagers get them without running anything. These tests fail when the committed files
 * differ from what the code generates now; with -Dregenerate they write the files instead.
 */
class GeneratedFilesTest {

    static final String REGENERATE = "mvn -B test -Dtest=GeneratedFilesTest -Dregenerate";

    private static final Map<String, String> COMPLETION_SHELLS = Map.of(
            "zrefresh.bash", "bash",
            "_zrefresh", "zsh",
            "zrefresh.fish", "fish");

    @Test
    void completionScriptsAreUpToDate() throws IOException {
        Map<String, String> scripts = new LinkedHashMap<>();
        COMPLETION_SHELLS.forEach((file, shell) -> {
            CliRun.Result result = new CliRun().run("completion", shell);
            assertThat(result.exit()).as(result.toString()).isZero();
            scripts.put(file, result.out());
        });
        check(Path.of("completions"), scripts);
    }

    @Test
    void manPagesAreUpToDate() throws IOException {
        check(Path.of("man"), ManPages.generate());
    }

    /** Compares (or with -Dregenerate, writes) a directory's files: same names, same bytes. */
    private static void check(Path directory, Map<String, String> generated) throws IOException {
        if (System.getProperty("regenerate") != null) {
            write(directory, generated);
            return;
        }
        assertThat(names(directory))
                .as("files of %s/ (regenerate with: %s)", directory, REGENERATE)
                .containsExactlyInAnyOrderElementsOf(generated.keySet());
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertThat(Files.readString(directory.resolve(file.getKey()), StandardCharsets.UTF_8))
                    .as(
                            "%s/%s differs from what the command definitions generate; regenerate with: %s",
                            directory, file.getKey(), REGENERATE)
                    .isEqualTo(file.getValue());
        }
    }

    private static void write(Path directory, Map<String, String> generated) throws IOException {
        Files.createDirectories(directory);
        for (String stale : names(directory)) {
            if (!generated.containsKey(stale)) {
                Files.delete(directory.resolve(stale));
            }
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> names(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return List.copyOf(new TreeSet<>(
                    files.map(file -> file.getFileName().toString()).toList()));
        }
    }
}
