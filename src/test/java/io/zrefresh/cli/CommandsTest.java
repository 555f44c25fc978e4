package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private static Set<String> commandsFor(String... args) {
        return Cli.create(World.of(System.out, System.err, Map.of()), args)
                .getSubcommands()
                .keySet();
    }

    @Test
    void aRunGetsOnlyTheCommandItNames() {
        assertThat(commandsFor("describe", "--job-id", "1")).containsExactly("describe");
        assertThat(commandsFor("-o", "json", "--no-header", "list")).containsExactly("list");
        assertThat(commandsFor("--output=json", "-ojson", "wait", "--job-id", "1"))
                .containsExactly("wait");
        assertThat(commandsFor("--context", "list", "trigger", "--name", "c"))
                .as("an option's value is no command")
                .containsExactly("trigger");
        assertThat(commandsFor("external-collection", "refresh", "list")).containsExactly("external-collection");
    }

    @Test
    void helpErrorsAndTheGeneratorsGetThemAll() {
        Set<String> all = Set.of(
                "trigger",
                "describe",
                "list",
                "wait",
                "shell",
                "completion",
                "context",
                "dev-server",
                "external-collection",
                "help",
                "__complete");
        assertThat(commandsFor()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(commandsFor("--help")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(commandsFor("triger")).as("for the suggestions").containsExactlyInAnyOrderElementsOf(all);
        assertThat(commandsFor("help", "trigger")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(Cli.create(World.of(System.out, System.err, Map.of()))
                        .getSubcommands()
                        .keySet())
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(commandsFor("--version")).isEmpty();
    }
}
