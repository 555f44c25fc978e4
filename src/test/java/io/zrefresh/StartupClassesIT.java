package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.cli.Cli;
import io.zrefresh.cli.Host;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.ProcessRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Help, version and completion scripts answer at once: they load neither the JDK's HTTP client (building one
 * costs 200 ms of TLS setup) nor JLine (the shell's). The JVM logs every class it loads, so a field, an import
 * into a command class or an eager initializer that drags either in fails here.
 */
@DisabledIfSystemProperty(named = "zrefresh.command", matches = ".+", disabledReason = "class loading is the JVM build's")
class StartupClassesIT {

    private static final Pattern HEAVY_CLASS = Pattern.compile("\\] (java\\.net\\.http|jdk\\.internal\\.net\\.http|org\\.jline)\\.\\S+");

    @TempDir
    Path home;

    static Stream<List<String>> quickCommands() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        boolean completion = Cli.create(Host.of(nowhere, nowhere, Map.of())).getSubcommands().containsKey("completion");
        return Stream.of(
                        List.of("--version"),
                        List.of("--help"),
                        List.of("trigger", "--help"),
                        completion ? List.of("completion", "bash") : List.<String>of())
                .filter(args -> !args.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("quickCommands")
    void loadNeitherTheHttpClientNorJLine(List<String> args) throws Exception {
        Path log = home.resolve("classes.log");
        Result result = new ProcessRun(home).env("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log)
                .run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.toString()).isZero();
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).as("the JVM logged the classes it loaded").anyMatch(line -> line.contains("] io.zrefresh.Main "));
        assertThat(loaded).filteredOn(line -> HEAVY_CLASS.matcher(line).find()).isEmpty();
    }
}
