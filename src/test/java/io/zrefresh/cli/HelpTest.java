package io.zrefresh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.zrefresh.support.CliRun;
import io.zrefresh.support.CliRun.Result;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** help, --help and --version as people try them, and the examples each command's help ends with. */
class HelpTest {

    private final CliRun cli = new CliRun();

    @Test
    void helpShowsTheSameHelpAsDashDashHelpForACommandPathOfAnyDepth() {
        for (List<String> path : List.of(
                List.<String>of(),
                List.of("trigger"),
                List.of("context", "set"),
                List.of("external-collection", "refresh", "trigger"))) {
            List<String> help = new ArrayList<>(List.of("help"));
            help.addAll(path);
            List<String> dashDashHelp = new ArrayList<>(path);
            dashDashHelp.add("--help");
            Result viaHelp = cli.run(help.toArray(String[]::new));
            assertThat(viaHelp.exit()).as(viaHelp.toString()).isZero();
            assertThat(viaHelp.out())
                    .as("zrefresh %s", String.join(" ", help))
                    .startsWith("Usage: zrefresh")
                    .isEqualTo(cli.run(dashDashHelp.toArray(String[]::new)).out());
        }
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        Result result = cli.run("help", "context", "nope");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("Unknown command: 'zrefresh context nope'", "Run 'zrefresh --help' for usage.");
    }

    @Test
    void versionIsAcceptedAfterACommandToo() {
        String version = cli.run("--version").out();
        assertThat(version).matches("zrefresh \\S+\n");
        for (String[] args : List.of(
                new String[] {"list", "--version"},
                new String[] {"trigger", "--name", "books", "-V"},
                new String[] {"context", "set", "--version"},
                new String[] {"external-collection", "refresh", "describe", "-V"},
                new String[] {"help", "--version"})) {
            Result result = cli.run(args);
            assertThat(result.exit()).as(String.join(" ", args)).isZero();
            assertThat(result.out()).as(String.join(" ", args)).isEqualTo(version);
        }
    }

    /** The first description line is the command's summary in help lists, man pages and fish: a whole sentence. */
    @Test
    void everyCommandHasAWholeSentenceAsItsSummaryAndExamplesAtTheEndOfItsHelp() {
        for (CommandSpec spec : visibleCommands()) {
            String name = spec.qualifiedName();
            assertThat(spec.usageMessage().description()[0])
                    .as("summary of %s", name)
                    .matches("[A-Z].*[.)]");
            assertThat(Examples.of(spec)).as("examples of %s", name).isNotEmpty();
            String help = cli.run(helpArgs(spec)).out();
            Examples.Example last = Examples.of(spec).get(Examples.of(spec).size() - 1);
            assertThat(help)
                    .as("help of %s", name)
                    .contains("\nExamples:\n  # " + Examples.of(spec).get(0).purpose() + "\n")
                    .contains("  " + last.commandLine() + "\n");
        }
    }

    @Test
    void everyExampleParses() {
        for (CommandSpec spec : visibleCommands()) {
            for (Examples.Example example : Examples.of(spec)) {
                List<List<String>> invocations = zrefreshInvocations(example.commandLine());
                assertThat(invocations).as(example.commandLine()).isNotEmpty();
                for (List<String> words : invocations) {
                    String[] args = words.subList(1, words.size()).toArray(String[]::new);
                    assertThatCode(() -> Cli.create(quietWorld(), args).parseArgs(args))
                            .as("%s (an example of %s)", String.join(" ", words), spec.qualifiedName())
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    private static List<CommandSpec> visibleCommands() {
        List<CommandSpec> specs = new ArrayList<>();
        collect(Cli.create(quietWorld()), specs);
        return specs;
    }

    private static void collect(CommandLine command, List<CommandSpec> specs) {
        if (!command.getCommandSpec().usageMessage().hidden()) {
            specs.add(command.getCommandSpec());
            command.getSubcommands().values().forEach(sub -> collect(sub, specs));
        }
    }

    private static String[] helpArgs(CommandSpec spec) {
        List<String> args = new ArrayList<>(List.of(spec.qualifiedName(" ").split(" ")));
        args.set(0, "--help");
        args.add(args.remove(0));
        return args.toArray(String[]::new);
    }

    private static World quietWorld() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return World.of(nowhere, nowhere, Map.of());
    }

    /**
     * The zrefresh commands of a shell line, as word lists: split as sh would at |, &&, ;, $(, &lt;(
     * and ), without redirections, and those inside a quoted word (dev-server --exec) too.
     */
    static List<List<String>> zrefreshInvocations(String line) {
        List<List<String>> invocations = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean redirect = false;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            boolean separator = c == '|'
                    || c == ';'
                    || c == ')'
                    || c == '&'
                    || line.startsWith("$(", i)
                    || line.startsWith("<(", i);
            if (c == '\'' || c == '"') {
                int close = line.indexOf(c, i + 1);
                word.append(line, i + 1, close);
                inWord = true;
                i = close;
            } else if (Character.isWhitespace(c) || separator || c == '>') {
                if (inWord) {
                    if (!redirect) {
                        words.add(word.toString());
                    }
                    redirect = false;
                    word.setLength(0);
                    inWord = false;
                }
                if (c == '>') {
                    redirect = true;
                } else if (separator) {
                    addIfZrefresh(words, invocations);
                    words = new ArrayList<>();
                    if (c == '$' || c == '<') {
                        i++;
                    }
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        addIfZrefresh(words, invocations);
        return invocations;
    }

    private static void addIfZrefresh(List<String> words, List<List<String>> invocations) {
        if (!words.isEmpty() && words.get(0).equals("zrefresh")) {
            invocations.add(words);
            for (String word : words) {
                if (word.startsWith("zrefresh ")) {
                    invocations.addAll(zrefreshInvocations(word));
                }
            }
        }
    }
}
