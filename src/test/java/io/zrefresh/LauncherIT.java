package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerFixture;
import io.zrefresh.support.DevServerTest;
import io.zrefresh.support.ExternalProgram;
import io.zrefresh.support.ProcessRun;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JVM build: its distribution as users download it (the tar.gz that the build assembles with jreleaser.yml),
 * run through its Unix launcher (the layout; the archive of classes that the launcher records and reuses: a CDS
 * archive on Java 17 to 24, an AOT cache on Java 25 and newer; damaged, stale and foreign archives), and the classes
 * a run loads. The launcher runs on the Java home given as {@code -Dzrefresh.launcher.java} (default: the one running
 * the tests); .ci/run runs this class once more on Java 25 when one is installed. The release workflow leaves this
 * class out of its native runs.
 */
class LauncherIT extends DevServerTest {

    private static final Path LAUNCHER_JAVA =
            Path.of(System.getProperty("zrefresh.launcher.java", System.getProperty("java.home")));

    private static final boolean AOT = featureVersion(LAUNCHER_JAVA) >= 25;

    /** kind, checksum and size of the jar, checksum of the Java installation and of the jar's path, archive's size */
    private static final String ARCHIVE_NAME = (AOT ? "aot" : "cds") + "(-\\d+){5}\\." + (AOT ? "aot" : "jsa");

    private static final String FROM_THE_ARCHIVE = " source: shared objects file";

    private Path install;
    private Path cache;
    /** The current directory of every run: nothing may land there. */
    private Path workDir;

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
        workDir = Files.createDirectories(home.resolve("work"));
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("JAVA_HOME", LAUNCHER_JAVA.toString());
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

    /**
     * picocli's own jar holds Java 5 class files, which no CDS archive or AOT cache takes: the build compiles picocli
     * from its sources for Java 17 (class file version 61) instead, and nothing of that jar is shaded.
     */
    @Test
    void picocliIsCompiledForJava17() throws IOException {
        List<String> picocliClasses = new ArrayList<>();
        try (JarFile jar = new JarFile(System.getProperty("zrefresh.jar"))) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith("picocli/") && entry.getName().endsWith(".class")) {
                    picocliClasses.add(entry.getName());
                    try (InputStream in = jar.getInputStream(entry)) {
                        byte[] header = in.readNBytes(8);
                        assertThat(header[7])
                                .as("class file version of %s", entry.getName())
                                .isEqualTo((byte) 61);
                    }
                }
                assertThat(entry.getName()).isNotEqualTo("META-INF/versions/9/module-info.class");
            }
        }
        assertThat(picocliClasses).contains("picocli/CommandLine.class", "picocli/AutoComplete.class");
    }

    @Test
    void recordsTheArchiveInTheFirstCommandThatTalksToTheServerAndUsesItLater() throws Exception {
        serve();
        env.remove("JAVA_HOME");
        env.put("PATH", LAUNCHER_JAVA.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
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
        assertThat(archives()).hasSize(1).allMatch(name -> name.matches(ARCHIVE_NAME));
        assertThat(permissions(cache.resolve("zrefresh"))).isEqualTo("rwx------");
        assertThat(permissions(archive())).isEqualTo("rw-------");

        List<String> loaded = classesLoadedThrough(
                linked, "describe", "--job-id", trigger.out().trim());
        assertThat(loaded)
                .as("classes of the path every server command takes come from the recorded archive")
                .anyMatch(line -> line.contains("] io.zrefresh.api.RefreshApi" + FROM_THE_ARCHIVE))
                .anyMatch(line -> line.contains("] io.zrefresh.api.JdkHttpTransport" + FROM_THE_ARCHIVE))
                .anyMatch(line -> line.contains("] picocli.CommandLine" + FROM_THE_ARCHIVE))
                .anyMatch(line -> line.contains("] com.fasterxml.jackson.core.JsonFactory" + FROM_THE_ARCHIVE));
        assertThat(workDir).isEmptyDirectory();
    }

    enum Damage {
        /** {@code truncate -s 4096}: Java 17 maps the missing part and dies of SIGBUS */
        TRUNCATED,
        EMPTY,
        /** random bytes of the archive's size: the size is right, the JVM's own checks find the rest */
        GARBAGE,
        /** unreadable (for a user other than root) */
        UNREADABLE
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedArchiveNeverBreaksACommandNorReachesStdout(Damage damage) throws Exception {
        serve();
        String id = triggerAJob();
        Path archive = archive();
        switch (damage) {
            case TRUNCATED -> setLength(archive, 4096);
            case EMPTY -> setLength(archive, 0);
            case GARBAGE -> {
                byte[] garbage = new byte[(int) Files.size(archive)];
                new Random(7).nextBytes(garbage);
                Files.write(archive, garbage);
            }
            case UNREADABLE -> Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("---------"));
        }

        for (String[] args :
                List.of(new String[] {"--version"}, new String[] {"describe", "--job-id", id, "-o", "json"})) {
            Result result = run(install.resolve("bin/zrefresh"), args);
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.err()).as(result.toString()).isEmpty();
            if (args.length == 1) {
                assertThat(result.out()).matches("zrefresh \\S+\n");
            } else {
                assertThat(json(result.out()).path("jobId").asText()).isEqualTo(id);
            }
        }
        assertThat(workDir).as("no JVM crash report in the user's directory").isEmptyDirectory();
        if (damage == Damage.TRUNCATED || damage == Damage.EMPTY) {
            assertThat(archives()).as("replaced").hasSize(1);
            String name = archives().get(0);
            assertThat(name.substring(name.lastIndexOf('-') + 1, name.lastIndexOf('.')))
                    .as("the size in the name of the new archive")
                    .isEqualTo(String.valueOf(Files.size(archive())));
        }
    }

    /**
     * A new jar with the same classes' names: Java 25.0.3 would run the old classes of an AOT cache recorded for the
     * old jar without a word (JDK-8377932), so each jar must get an archive of its own.
     */
    @Test
    void aNewJarNeverRunsWithTheArchiveOfTheOldOne() throws Exception {
        serve();
        String id = triggerAJob();
        assertThat(run(install.resolve("bin/zrefresh"), "--version").out()).startsWith("zrefresh ");
        try (FileSystem jar = FileSystems.newFileSystem(install.resolve("lib/zrefresh.jar"))) {
            Path provider = jar.getPath("io/zrefresh/cli/VersionProvider.class");
            Files.write(provider, replace(Files.readAllBytes(provider), "zrefresh \u0001", "ZREFRESH \u0001"));
        }

        assertThat(run(install.resolve("bin/zrefresh"), "--version").out()).startsWith("ZREFRESH ");
        Result describe = run(install.resolve("bin/zrefresh"), "describe", "--job-id", id, "-o", "json");
        assertThat(describe.exit()).as(describe.toString()).isZero();
        assertThat(json(describe.out()).path("jobId").asText()).isEqualTo(id);
        assertThat(archives()).as("one for each jar").hasSize(2);
        assertThat(run(install.resolve("bin/zrefresh"), "--version").out()).startsWith("ZREFRESH ");
    }

    /**
     * Java 17 to 24 take an archive only for the jar at the path and with the modification time it was recorded with,
     * and otherwise load every class of ours from the jar without a word: two installations of one release sharing
     * the cache, or a jar copied over, must not leave one of them without its archive for good.
     */
    @Test
    void anotherInstallationOfTheSameJarGetsAnArchiveOfItsOwn() throws Exception {
        serve();
        String id = triggerAJob();
        Path copy = home.resolve("elsewhere");
        Process cp = new ProcessBuilder("cp", "-R", "-p", install.toString(), copy.toString())
                .inheritIO()
                .start();
        assertThat(cp.waitFor()).isZero();

        Result describe = run(copy.resolve("bin/zrefresh"), "describe", "--job-id", id, "-o", "json");
        assertThat(describe.exit()).as(describe.toString()).isZero();
        assertThat(archives()).as("one for each installation").hasSize(2);
        for (Path launcher : List.of(install.resolve("bin/zrefresh"), copy.resolve("bin/zrefresh"))) {
            assertThat(classesLoadedThrough(launcher, "describe", "--job-id", id))
                    .as("the classes of %s", launcher)
                    .anyMatch(line -> line.contains("] io.zrefresh.api.RefreshApi" + FROM_THE_ARCHIVE));
        }
    }

    @Test
    void aJarWhoseTimeChangedIsRecordedAgain() throws Exception {
        serve();
        String id = triggerAJob();
        Path jar = install.resolve("lib/zrefresh.jar");
        FileTime earlier = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 3_600_000);
        Files.setLastModifiedTime(jar, earlier);

        Result describe = run(install.resolve("bin/zrefresh"), "describe", "--job-id", id, "-o", "json");
        assertThat(describe.exit()).as(describe.toString()).isZero();
        assertThat(json(describe.out()).path("jobId").asText()).isEqualTo(id);
        assertThat(Files.getLastModifiedTime(archive()))
                .as("recorded again, with the jar's time")
                .isEqualTo(earlier);
        assertThat(classesLoadedThrough(install.resolve("bin/zrefresh"), "describe", "--job-id", id))
                .anyMatch(line -> line.contains("] io.zrefresh.api.RefreshApi" + FROM_THE_ARCHIVE));
    }

    /** --query holds the whole answer: one that does not fit the heap is one sentence, never a stack trace. */
    @Test
    void runningOutOfMemoryIsOneSentenceThatSaysHowToRaiseTheHeap() throws Exception {
        serve();
        dev.server.seedJobs("default", "ext_books", 20_000);
        String[] allIds = {"list", "--name", "ext_books", "--query", "records[].jobId", "-o", "json"};
        env.put("ZREFRESH_JAVA_OPTS", "-Xmx24m");
        Result list = run(install.resolve("bin/zrefresh"), allIds);

        assertThat(list.exit()).as(list.toString()).isEqualTo(1);
        assertThat(list.out()).isEmpty();
        assertThat(list.err()).as(list.toString()).doesNotContain("Exception", "\tat ");
        List<String> lines = list.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("Out of memory: this needs more than zrefresh's heap of ")
                .contains("ZREFRESH_JAVA_OPTS=-Xmx1g");
        assertThat(json(lines.get(1)).path("error").path("exitCode").asInt()).isEqualTo(1);

        env.put("ZREFRESH_JAVA_OPTS", "-Xmx64m");
        Result raised = run(install.resolve("bin/zrefresh"), allIds);
        assertThat(raised.exit()).as(raised.toString()).isZero();
        assertThat(json(raised.out())).hasSize(20_000);
    }

    /** The archive holds the classes of the path every server command takes: help's run would leave them out. */
    @Test
    void onlyACommandThatTalksToTheServerRecordsTheArchive() throws Exception {
        serve();
        for (String[] args : List.of(
                new String[] {"help", "trigger"},
                new String[] {"context", "list"},
                new String[] {"list", "--help"},
                new String[] {"completion", "bash"})) {
            Result result = run(install.resolve("bin/zrefresh"), args);
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(archives()).as(String.join(" ", args)).isEmpty();
        }
        Result list = run(install.resolve("bin/zrefresh"), "-o", "json", "list", "--name", "ext_books");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(archives()).hasSize(1);
    }

    /** A cache directory that links to a private directory of the user's is as good as that directory. */
    @Test
    void aCacheDirectoryThatIsALinkIsJudgedByWhatItLinksTo() throws Exception {
        serve();
        Path real = Files.createDirectories(home.resolve("elsewhere/zrefresh"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(cache);
        Files.createSymbolicLink(cache.resolve("zrefresh"), real);
        Result trigger = run(install.resolve("bin/zrefresh"), "trigger", "--name", "ext_books", "-o", "text");
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        assertThat(trigger.err()).isEmpty();
        assertThat(files(real)).as("recorded through the link").hasSize(1);
        String id = trigger.out().trim();

        Result describe = run(install.resolve("bin/zrefresh"), "describe", "--job-id", id, "-o", "json");
        assertThat(describe.exit()).as(describe.toString()).isZero();
        assertThat(describe.err()).isEmpty();
        assertThat(classesLoadedThrough(install.resolve("bin/zrefresh"), "describe", "--job-id", id))
                .anyMatch(line -> line.contains("] io.zrefresh.api.RefreshApi" + FROM_THE_ARCHIVE));
    }

    /** Each upgrade of zrefresh or of Java leaves an archive of 7 to 22 MB: those no run reads go in time. */
    @Test
    void archivesNoRunHasReadFor30DaysGoWhenOneIsRecorded() throws Exception {
        serve();
        Path directory = Files.createDirectories(cache.resolve("zrefresh"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        String kind = AOT ? "aot" : "cds";
        String suffix = AOT ? "aot" : "jsa";
        Path unread = Files.writeString(directory.resolve(kind + "-1-2-3-4-5." + suffix), "old");
        Path read = Files.writeString(directory.resolve(kind + "-6-7-8-9-10." + suffix), "recent");
        Instant now = Instant.now();
        Files.setAttribute(unread, "lastAccessTime", FileTime.from(now.minus(Duration.ofDays(40))));
        Files.setAttribute(read, "lastAccessTime", FileTime.from(now.minus(Duration.ofDays(2))));

        triggerAJobRecording(2);
        assertThat(unread).doesNotExist();
        assertThat(read).exists();
    }

    @Test
    void neitherRecordsNorUsesAnArchiveWhenTurnedOff() throws Exception {
        serve();
        env.put("ZREFRESH_CDS", "off");
        Result list = run(install.resolve("bin/zrefresh"), "list", "--name", "ext_books");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(archives()).isEmpty();

        env.remove("ZREFRESH_CDS");
        String id = triggerAJob();
        env.put("ZREFRESH_CDS", "off");
        assertThat(classesLoadedThrough(install.resolve("bin/zrefresh"), "describe", "--job-id", id))
                .anyMatch(line -> line.contains("] io.zrefresh.api.RefreshApi source: "))
                .noneMatch(line -> line.contains("] io.zrefresh.api.RefreshApi" + FROM_THE_ARCHIVE));
    }

    @Test
    void theCacheIsPrivateUnderUmask000() throws Exception {
        serve();
        Result trigger = run(
                Path.of("/bin/sh"),
                "-c",
                "umask 000 && exec \"$0\" \"$@\"",
                install.resolve("bin/zrefresh").toString(),
                "trigger",
                "--name",
                "ext_books");
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        assertThat(permissions(cache)).isEqualTo("rwx------");
        assertThat(permissions(cache.resolve("zrefresh"))).isEqualTo("rwx------");
        assertThat(permissions(archive())).isEqualTo("rw-------");
    }

    /** Someone else could have put their classes there (kubectl's CVE-2019-11244 is the same kind of bug). */
    @Test
    void ignoresACacheDirectoryOthersCanWriteWithOneLine() throws Exception {
        serve();
        String id = triggerAJob();
        List<String> recorded = archives();
        Files.setPosixFilePermissions(cache.resolve("zrefresh"), PosixFilePermissions.fromString("rwxrwxrwx"));

        Path log = home.resolve("classes.log");
        env.put("ZREFRESH_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Result describe = run(install.resolve("bin/zrefresh"), "describe", "--job-id", id, "-o", "json");
        assertThat(describe.exit()).as(describe.toString()).isZero();
        assertThat(json(describe.out()).path("jobId").asText()).isEqualTo(id);
        assertThat(describe.err().lines())
                .singleElement()
                .asString()
                .contains(cache.resolve("zrefresh").toString());
        assertThat(Files.readAllLines(log))
                .anyMatch(line -> line.contains("] io.zrefresh.api.RefreshApi source: "))
                .noneMatch(line -> line.contains("] io.zrefresh.api.RefreshApi" + FROM_THE_ARCHIVE));
        assertThat(archives()).isEqualTo(recorded);
    }

    @Test
    void replacesAnArchiveOthersCanWrite() throws Exception {
        serve();
        String id = triggerAJob();
        // someone else wrote to it
        byte[] written = Files.readAllBytes(archive());
        written[written.length - 1] ^= 1;
        Files.write(archive(), written);
        Files.setPosixFilePermissions(archive(), PosixFilePermissions.fromString("rw-rw-rw-"));

        Result describe = run(install.resolve("bin/zrefresh"), "describe", "--job-id", id, "-o", "json");
        assertThat(describe.exit()).as(describe.toString()).isZero();
        assertThat(json(describe.out()).path("jobId").asText()).isEqualTo(id);
        assertThat(describe.err()).isEmpty();
        assertThat(Files.readAllBytes(archive())).as("recorded again").isNotEqualTo(written);
        assertThat(permissions(archive())).isEqualTo("rw-------");
    }

    @Test
    void aJvmCrashReportGoesToTheCacheNotToTheCurrentDirectory() throws Exception {
        env.put("ZREFRESH_JAVA_OPTS", "-Xmx2m -XX:+CrashOnOutOfMemoryError");
        Result help = run(install.resolve("bin/zrefresh"), "--help");
        assertThat(help.exit()).as(help.toString()).isEqualTo(134);
        assertThat(workDir).isEmptyDirectory();
        assertThat(files(cache.resolve("zrefresh"))).anyMatch(name -> name.matches("hs_err_pid\\d+\\.log"));
    }

    @Test
    void namesAJavaHomeWithoutJavaInOneLine() throws Exception {
        env.put("JAVA_HOME", home.resolve("no-such-java").toString());
        Result version = run(install.resolve("bin/zrefresh"), "--version");
        assertThat(version.exit()).isEqualTo(1);
        assertThat(version.out()).isEmpty();
        assertThat(version.err().lines())
                .singleElement()
                .asString()
                .startsWith("zrefresh: JAVA_HOME is ")
                .contains(home.resolve("no-such-java").toString());
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

    /**
     * Java decodes its arguments with the locale's charset: under C or POSIX a non-ASCII byte would become U+FFFD.
     * The arguments come from a UTF-8 script, whatever the locale of the JVM running this test.
     */
    @ParameterizedTest
    @EnumSource(
            value = CLocale.class,
            names = {"LC_ALL", "LANG", "NONE"})
    void nonAsciiArgumentsArriveByteExactUnderTheCLocale(CLocale locale) throws Exception {
        serve();
        env.remove("LANG");
        if (locale != CLocale.NONE) {
            env.put(locale.name(), "C");
        }
        Path script = Files.writeString(
                home.resolve("trigger.sh"),
                "exec \"$1\" --debug trigger --name ext_unicode_数据\n",
                StandardCharsets.UTF_8);
        Result trigger = run(
                Path.of("/bin/sh"),
                script.toString(),
                install.resolve("bin/zrefresh").toString());
        assertThat(trigger.err()).contains("\"collectionName\":\"ext_unicode_数据\"");
    }

    enum CLocale {
        LC_ALL,
        LANG,
        /** no locale variable at all */
        NONE
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

    /**
     * Startup costs a command need not pay: the default SSL context loads the security providers and sets up TLS
     * (tens of milliseconds), which a plain http endpoint never uses; an ObjectMapper's setup (over 20 ms, with a
     * date format that loads the JDK's locale data) is work that trees of JSON never need.
     */
    @Test
    void aPlainHttpCommandSetsUpNeitherTlsNorAnObjectMapper() throws Exception {
        serve();
        String id = triggerAJob();
        for (String output : List.of("table", "json", "csv", "yaml")) {
            List<String> loaded = classesLoadedBy(List.of("describe", "--job-id", id, "-o", output));
            assertThat(loaded)
                    .as("classes of describe -o %s", output)
                    .anyMatch(line -> line.contains(" jdk.internal.net.http.HttpClientImpl "))
                    .noneMatch(line -> line.contains(" sun.security.ssl."))
                    .noneMatch(line -> line.contains(" javax.net.ssl.SSLSocket "))
                    .noneMatch(line -> line.contains(" com.fasterxml.jackson.databind.ObjectMapper "));
        }
    }

    private static boolean buildsHttpClientOrTerminal(String loadedClass) {
        return loadedClass.contains(" jdk.internal.net.http.HttpClientImpl ") || loadedClass.contains(" org.jline.");
    }

    private void serve() {
        server(Duration.ofSeconds(30));
        env.put("ZILLIZ_ENDPOINT", dev.server.url().toString());
        env.put("ZILLIZ_API_KEY", DevServerFixture.TOKEN);
    }

    /** Triggers a job through the launcher, which records its archive; returns the job id. */
    private String triggerAJob() throws Exception {
        return triggerAJobRecording(1);
    }

    /** Triggers a job through the launcher, after which the cache holds this many archives; returns the job id. */
    private String triggerAJobRecording(int archivesAfter) throws Exception {
        Result trigger = run(install.resolve("bin/zrefresh"), "trigger", "--name", "ext_books", "-o", "text");
        assertThat(trigger.exit()).as(trigger.toString()).isZero();
        assertThat(archives()).hasSize(archivesAfter);
        return trigger.out().trim();
    }

    /** The class loading log of one run through the launcher. */
    private List<String> classesLoadedThrough(Path launcher, String... args) throws Exception {
        Path log = home.resolve("classes.log");
        Files.deleteIfExists(log);
        env.put("ZREFRESH_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Result result = run(launcher, args);
        env.remove("ZREFRESH_JAVA_OPTS");
        assertThat(result.exit()).as(result.toString()).isZero();
        return Files.readAllLines(log);
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
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return ProcessRun.finish(process, Duration.ofSeconds(60));
    }

    private static JsonNode json(String text) throws IOException {
        return Json.parse(text);
    }

    /** The names of the archives in the launcher's cache directory. */
    private List<String> archives() throws IOException {
        return files(cache.resolve("zrefresh")).stream()
                .filter(name -> !name.startsWith("hs_err"))
                .toList();
    }

    /** The one archive in the launcher's cache directory. */
    private Path archive() throws IOException {
        assertThat(archives()).hasSize(1);
        return cache.resolve("zrefresh").resolve(archives().get(0));
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

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void setLength(Path file, long length) throws IOException {
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
            open.setLength(length);
        }
    }

    private static byte[] replace(byte[] bytes, String text, String replacement) {
        byte[] from = text.getBytes(StandardCharsets.UTF_8);
        byte[] to = replacement.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
                return bytes;
            }
        }
        throw new AssertionError(text + " not found");
    }

    private static int featureVersion(Path javaHome) {
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(javaHome.resolve("release"))) {
            release.load(in);
        } catch (IOException unreadable) {
            throw new AssertionError("no release file in " + javaHome, unreadable);
        }
        String version = release.getProperty("JAVA_VERSION").replace("\"", "");
        return Integer.parseInt(version.split("[^0-9]")[0]);
    }
}
