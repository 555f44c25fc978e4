package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerFixture;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.ExternalProgram;
import io.zrefresh.support.ProcessRun;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JVM build: its distribution as users download it (the tar.gz that the build assembles with jreleaser.yml),
 * run through its Unix launcher (the layout, the class-data sharing archive that the launcher records and
 * reuses), and the classes a run loads. The release workflow leaves this class out of its native runs.
 */
class LauncherIT extends DevServerTest {

    private Path install;
    private Path cache;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void unpackTheDistribution() throws Exception {
        Path archive = Path.of(System.getProperty("zrefresh.distribution"));
        Path unpacked = Files.createDirectories(home.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .inheritIO()
                .start();
        assertThat(tar.waitFor()).as("tar -xzf " + archive).isZero();
        try (Stream<Path> top = Files.list(unpacked)) {
            install = top.findFirst().orElseThrow();
        }
        cache = home.resolve("cache");
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        env.put("ZILLIZ_CONFIG_DIR", home.resolve(".zilliz").toString());
    }

    @Test
    void holdsTheLaunchersTheJarTheLicenseAndTheGeneratedDocs() throws IOException {
        assertThat(install.getFileName().toString()).startsWith("zrefresh-");
        assertThat(install.resolve("bin/zrefresh")).isExecutable();
        assertThat(install.resolve("bin/zrefresh.cmd")).isRegularFile();
        assertThat(install.resolve("lib/zrefresh.jar")).isRegularFile();
        assertThat(install.resolve("LICENSE")).hasSameTextualContentAs(Path.of("LICENSE"));
        assertThat(Files.exists(install.resolve("README.md"))).isEqualTo(Files.exists(Path.of("README.md")));
        for (String generated : List.of("completions", "man")) {
            assertThat(files(install.resolve(generated)))
                    .as("%s/ as committed", generated)
                    .isEqualTo(files(Path.of(generated)));
        }
    }

    @Test
    void recordsTheArchiveInTheFirstCommandThatTalksToTheServerAndUsesItLater() throws Exception {
        serve();
        env.remove("JAVA_HOME");
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        Path linked = Files.createSymbolicLink(
                Files.createDirectories(home.resolve("bin")).resolve("zrefresh"), install.resolve("bin/zrefresh"));

        Result version = run(linked, "--version");
        assertThat(version.out()).matches("zrefresh \\d+\\.\\d+\\.\\d+\\S*\n");
        assertThat(version.err()).isEmpty();
        assertThat(archives()).as("--version records nothing").isEmpty();

        Result trigger = run(linked, "trigger", "--name", "ext_books", "-o", "text");
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        assertThat(trigger.out()).matches("\\d+\n");
        assertThat(trigger.err()).isEmpty();
        assertThat(archives()).hasSize(1).allMatch(name -> name.matches("cds-\\d+-\\d+\\.jsa"));

        Path classes = home.resolve("classes.log");
        env.put("ZREFRESH_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
        Result describe = run(linked, "describe", "--job-id", trigger.out().trim(), "-o", "json");
        assertThat(describe.exit()).as(describe.toString()).isZero();
        assertThat(describe.out()).contains("\"jobId\": " + trigger.out().trim());
        assertThat(Files.readAllLines(classes))
                .as("classes of ours come from the recorded archive")
                .anyMatch(line -> line.contains("] io.zrefresh.api.RefreshApi source: shared objects file (top)"));
    }

    @Test
    void ignoresAnArchiveTheJvmCannotUseWithoutAWord() throws Exception {
        serve();
        String id = run(install.resolve("bin/zrefresh"), "trigger", "--name", "ext_books", "-o", "text")
                .out()
                .trim();
        Path archive = cache.resolve("zrefresh").resolve(archives().get(0));
        Files.delete(archive);
        Files.writeString(archive, "not an archive", StandardCharsets.UTF_8);

        Result describe =
                run(install.resolve("bin/zrefresh"), "describe", "--job-id", id, "-o", "text", "--query", "jobId");
        assertThat(describe.exit()).as(describe.toString()).isZero();
        assertThat(describe.out()).isEqualTo(id + "\n");
        assertThat(describe.err()).isEmpty();
    }

    @Test
    void aNewJarRecordsAnArchiveOfItsOwn() throws Exception {
        serve();
        run(install.resolve("bin/zrefresh"), "list", "--name", "ext_books");
        assertThat(archives()).hasSize(1);
        try (FileSystem jar = FileSystems.newFileSystem(install.resolve("lib/zrefresh.jar"))) {
            Files.writeString(jar.getPath("io/zrefresh/rebuilt.txt"), "a rebuilt jar", StandardCharsets.UTF_8);
        }

        Result list = run(install.resolve("bin/zrefresh"), "list", "--name", "ext_books");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(archives()).hasSize(2);
    }

    @Test
    void recordsNothingWhenTurnedOff() throws Exception {
        serve();
        env.put("ZREFRESH_CDS", "off");
        Result list = run(install.resolve("bin/zrefresh"), "list", "--name", "ext_books");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(archives()).isEmpty();
    }

    @Test
    void namesTheProblemWhenJavaIsOlderThan17() throws Exception {
        Path oldJava = Files.createDirectories(home.resolve("jdk-11/bin")).getParent();
        Files.writeString(oldJava.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n", StandardCharsets.UTF_8);
        Path java = Files.writeString(oldJava.resolve("bin/java"), "#!/bin/sh\necho started\n", StandardCharsets.UTF_8);
        assertThat(java.toFile().setExecutable(true)).isTrue();
        env.put("JAVA_HOME", oldJava.toString());

        Result version = run(install.resolve("bin/zrefresh"), "--version");
        assertThat(version.exit()).isEqualTo(1);
        assertThat(version.out()).isEmpty();
        assertThat(version.err()).contains("needs Java 17 or newer", oldJava.toString());
    }

    private void serve() {
        server(Duration.ofSeconds(30));
        env.put("ZILLIZ_ENDPOINT", dev.server.url().toString());
        env.put("ZILLIZ_API_KEY", DevServerFixture.TOKEN);
    }

    /**
     * --help, --version and completion must stay fast: they build no HTTP client (its SSL context
     * costs a few hundred milliseconds) and load no JLine class at all (JLine is the shell's).
     */
    @Test
    void helpVersionAndCompletionBuildNoHttpClientNorTerminal() throws Exception {
        for (List<String> args :
                List.of(List.of("--version"), List.of("trigger", "--help"), List.of("completion", "bash"))) {
            List<String> loaded = classesLoadedBy(args);
            assertThat(loaded)
                    .as("classes of zrefresh %s", args)
                    .anyMatch(line -> line.contains(" picocli.CommandLine "))
                    .noneMatch(LauncherIT::buildsHttpClientOrTerminal);
        }
        // the same look at a command that does talk to a server finds its client
        env.put("ZILLIZ_ENDPOINT", "http://127.0.0.1:9");
        env.put("ZILLIZ_API_KEY", "unused");
        assertThat(classesLoadedBy(List.of("list", "--retries", "1"))).anyMatch(LauncherIT::buildsHttpClientOrTerminal);
    }

    private static boolean buildsHttpClientOrTerminal(String loadedClass) {
        return loadedClass.contains(" jdk.internal.net.http.HttpClientImpl ") || loadedClass.contains(" org.jline.");
    }

    /** The class loading log of one run of the jar (whatever its exit code). */
    private List<String> classesLoadedBy(List<String> args) throws Exception {
        Path log = home.resolve("classes.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(ProcessRun.command());
        command.add(1, "-Xlog:class+load=info:file=" + log);
        command.addAll(args);
        ExternalProgram.run(env, Duration.ofSeconds(60), command.toArray(String[]::new));
        return Files.readAllLines(log);
    }

    private Result run(Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return ProcessRun.finish(process, Duration.ofSeconds(60));
    }

    /** The names of the files in the launcher's cache directory. */
    private List<String> archives() throws IOException {
        return new ArrayList<>(files(cache.resolve("zrefresh")));
    }

    private static TreeSet<String> files(Path directory) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.filter(Files::isRegularFile)
                        .forEach(path -> names.add(directory.relativize(path).toString()));
            }
        }
        return names;
    }
}
