package io.zrefresh.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.cli.Cli;
import io.zrefresh.cli.World;
import io.zrefresh.config.ConfigDirectory;
import io.zrefresh.devserver.Endpoint;
import io.zrefresh.support.CliRun.Result;
import io.zrefresh.support.DevServerTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellTest extends DevServerTest {

    @BeforeEach
    void start() throws Exception {
        server(Duration.ofSeconds(30));
        Files.createDirectories(home);
        Files.writeString(
                home.resolve("config"),
                "[default]\ndatabase = analytics\n\n[staging]\nendpoint = https://staging.example\n");
    }

    @Test
    void pipedStdinRunsLineByLineAndErrorsDoNotEndIt() {
        String id = dev.cli()
                .run("trigger", "--name", "ext_books", "--database", "default", "-o", "text")
                .out()
                .trim();
        Result result = dev.cli().stdin("""
                describe --job-id %s -o text --query jobId
                describe --job-id 0

                list --name nope --database default
                wait --job-id %s --timeout 600ms --poll-interval 500ms -o text --query state
                exit
                list
                """.formatted(id, id)).run("shell");
        assertThat(result.out().lines()).containsExactly(id, "RefreshPending");
        assertThat(result.err())
                .contains("a job id must be positive", "collection not found", "Timed out waiting for job " + id);
        assertThat(result.out()).doesNotContain("zrefresh(");
        assertThat(result.exit()).isEqualTo(9);
        assertThat(dev.requests(Endpoint.LIST))
                .as("the line after exit never ran")
                .isEqualTo(2);
    }

    @Test
    void globalOptionsOfTheShellApplyToEachLineAndLinesCanOverrideThem() {
        dev.cli().run("trigger", "--name", "ext_books", "--database", "default");
        Result result = dev.cli()
                .stdin(
                        "list --database default --query 'records[0].collectionName'\nlist --database default -o text --query 'records[0].state'\n")
                .run("-o", "json", "shell");
        assertThat(result.out()).startsWith("\"ext_books\"\n").matches("(?s).*\nRefresh\\w+\n");
    }

    @Test
    void theInteractivePathPromptsRunsAndKeepsHistory() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        World world = World.of(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()),
                Map.of(
                        "ZILLIZ_ENDPOINT",
                        dev.server.url().toString(),
                        "ZILLIZ_API_KEY",
                        "test-token",
                        "ZILLIZ_CONFIG_DIR",
                        home.toString()));
        try (Terminal terminal = new DumbTerminal(
                "test",
                "dumb",
                new ByteArrayInputStream("list --database default -o text\nquit\n".getBytes(StandardCharsets.UTF_8)),
                screen,
                StandardCharsets.UTF_8)) {
            LineReader reader = TerminalShell.reader(terminal, world);
            int code = new Shell(world, List.of(), () -> Shell.prompt(world, null)).run(Shell.from(reader));
            reader.getHistory().save();
            assertThat(code).isZero();
        }
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("zrefresh(default:analytics)> ");
        assertThat(Files.readString(home.resolve("zrefresh_history")))
                .contains("list --database default -o text", "quit");
        assertThat(dev.requests(Endpoint.LIST)).isEqualTo(1);
    }

    @Test
    void thePromptFollowsContextSet() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        World world = World.of(
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()),
                Map.of("ZILLIZ_CONFIG_DIR", home.toString()));
        try (Terminal terminal = new DumbTerminal(
                "test",
                "dumb",
                new ByteArrayInputStream(
                        "context set default --database books_db\nquit\n".getBytes(StandardCharsets.UTF_8)),
                screen,
                StandardCharsets.UTF_8)) {
            new Shell(world, List.of(), () -> Shell.prompt(world, null))
                    .run(Shell.from(TerminalShell.reader(terminal, world)));
        }
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown.indexOf("zrefresh(default:analytics)> "))
                .as("the prompt before, then the one after context set")
                .isNotNegative()
                .isLessThan(shown.indexOf("zrefresh(default:books_db)> "));
    }

    private List<String> complete(String line, Set<String> seen) {
        return candidates(line, seen).stream().map(Candidate::value).toList();
    }

    private List<Candidate> candidates(String line, Set<String> seen) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> candidates = new ArrayList<>();
        World world = World.of(System.out, System.err, Map.of());
        new ShellCompleter(
                        () -> Cli.create(world).getCommandSpec(), new ConfigDirectory(home), seen, home.resolve("work"))
                .complete((LineReader) null, parsed, candidates);
        return candidates;
    }

    @Test
    void completesFileNamesForEventsAndAfterTheAtOfExternalSpec() throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        Files.writeString(work.resolve("spec.json"), "{}");
        Files.writeString(work.resolve(".hidden.json"), "{}");
        Files.createDirectories(work.resolve("specs"));
        Files.writeString(work.resolve("specs/books.json"), "{}");
        Set<String> seen = Set.of();

        assertThat(complete("trigger --external-spec ", seen)).containsExactlyInAnyOrder("@-", "@spec.json", "@specs/");
        assertThat(complete("trigger --external-spec @", seen))
                .containsExactlyInAnyOrder("@-", "@spec.json", "@specs/");
        assertThat(complete("trigger --external-spec @specs/", seen)).containsExactly("@specs/books.json");
        assertThat(complete("trigger --external-spec @.", seen)).contains("@.hidden.json");
        assertThat(complete("trigger --external-spec @" + work.resolve("specs") + "/", seen))
                .containsExactly("@" + work.resolve("specs/books.json"));
        assertThat(complete("trigger --external-spec {", seen))
                .as("inline JSON")
                .isEmpty();
        assertThat(complete("trigger --external-spec @missing/", seen)).isEmpty();
        assertThat(complete("list --events ", seen)).containsExactlyInAnyOrder("spec.json", "specs/");
        assertThat(candidates("list --events ", seen))
                .filteredOn(candidate -> candidate.value().equals("specs/"))
                .singleElement()
                .as("a directory leaves the word open, to go on into it")
                .matches(candidate -> !candidate.complete());
    }

    @Test
    void completesCommandsOptionsValuesContextsAndSeenCollections() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        assertThat(complete("", seen))
                .contains("trigger", "describe", "list", "wait", "context", "external-collection", "exit", "quit")
                .doesNotContain("shell-not-a-command");
        assertThat(complete("list -o ", seen)).containsExactly("table", "json", "yaml", "csv", "text");
        assertThat(complete("trigger --on-active ", seen)).containsExactly("fail", "wait", "skip");
        assertThat(complete("list --context ", seen)).containsExactly("default", "staging");
        assertThat(complete("context show ", seen)).contains("default", "staging");
        assertThat(complete("trigger --", seen)).contains("--name", "--on-active", "--wait", "--output", "--query");
        assertThat(complete("external-collection refresh ", seen))
                .containsExactlyInAnyOrder("trigger", "describe", "list");
        assertThat(complete("trigger --name ", seen)).isEmpty();
        seen.add("ext_books");
        assertThat(complete("trigger --name ", seen)).containsExactly("ext_books");
        assertThat(complete("wait --name ", seen)).containsExactly("ext_books");
        assertThat(complete("list --ci ", seen)).containsExactly("auto", "github", "gitlab", "off");
        assertThat(complete("trigger --", seen)).contains("--if-older-than", "--ci", "--events");
        assertThat(complete("list --", seen)).contains("--watch", "--interval", "--until-idle");
    }

    @Test
    void listResultsFeedTheCompletionOfNames() {
        dev.cli().run("trigger", "--name", "ext_books", "--database", "default");
        World world = World.of(
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()),
                Map.of(
                        "ZILLIZ_ENDPOINT",
                        dev.server.url().toString(),
                        "ZILLIZ_API_KEY",
                        "test-token",
                        "ZILLIZ_CONFIG_DIR",
                        home.toString()));
        assertThat(Cli.run(world, "list", "--database", "default")).isZero();
        assertThat(world.seenCollections()).containsExactly("ext_books");
    }
}
