package io.zrefresh.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The EXAMPLES of each command, shown at the end of its help (before the root's environment
 * list) and on its man page. Keyed by the command's path, so that the official CLI's path shows
 * its own spelling.
 */
public final class Examples {

    /** One example: what it does, and the shell line that does it. */
    public record Example(String purpose, String commandLine) {}

    static final String SECTION_KEY = "examples";

    private static final String HEADING = "Examples:";

    private static final Map<String, List<Example>> BY_PATH = Map.ofEntries(
            Map.entry(
                    "",
                    List.of(
                            new Example(
                                    "Trigger a refresh of books and wait for it to end",
                                    "zrefresh trigger --name books --wait"),
                            new Example("List the pending and running jobs", "zrefresh list --active"),
                            new Example(
                                    "Try it without a cluster, against the embedded dev server",
                                    "zrefresh dev-server --exec 'zrefresh trigger --name ext_books --wait'"))),
            Map.entry(
                    "trigger",
                    List.of(
                            new Example(
                                    "Trigger a refresh and print only the new job's id",
                                    "zrefresh trigger --name books -o text"),
                            new Example(
                                    "Trigger, then wait up to 30 minutes for the job to end (exit 0, 8 if it failed, 9 on timeout)",
                                    "zrefresh trigger --name books --wait --timeout 30m"),
                            new Example(
                                    "In a pipeline: let a running refresh end first, then trigger and wait",
                                    "zrefresh trigger --name books --on-active wait --wait"),
                            new Example(
                                    "Refresh from a new source, with its spec read from a file",
                                    "zrefresh trigger --name books --external-source s3://bucket/books/ --external-spec @spec.json"))),
            Map.entry(
                    "describe",
                    List.of(
                            new Example("Show a job", "zrefresh describe --job-id 466073417512550401"),
                            new Example(
                                    "Print only its state",
                                    "zrefresh describe --job-id 466073417512550401 --query state -o text"))),
            Map.entry(
                    "list",
                    List.of(
                            new Example("The jobs of one collection, newest first", "zrefresh list --name books"),
                            new Example(
                                    "The ids of the running jobs, one a line",
                                    "zrefresh list --active --query 'records[].jobId' -o text"),
                            new Example("All jobs as CSV", "zrefresh list -o csv > jobs.csv"))),
            Map.entry(
                    "wait",
                    List.of(
                            new Example(
                                    "Wait up to an hour for a job to end",
                                    "zrefresh wait --job-id 466073417512550401 --timeout 1h"),
                            new Example(
                                    "Trigger in one step and wait in a later one",
                                    "job=$(zrefresh trigger --name books -o text) && zrefresh wait --job-id \"$job\""))),
            Map.entry(
                    "shell",
                    List.of(
                            new Example("Start the interactive shell", "zrefresh shell"),
                            new Example(
                                    "Run commands from a script, one a line",
                                    "printf 'trigger --name books\\nlist --active\\n' | zrefresh shell"))),
            Map.entry(
                    "completion",
                    List.of(
                            new Example("bash, in ~/.bashrc", "source <(zrefresh completion bash)"),
                            new Example("zsh, in ~/.zshrc after compinit", "source <(zrefresh completion zsh)"),
                            new Example(
                                    "fish", "zrefresh completion fish > ~/.config/fish/completions/zrefresh.fish"))),
            Map.entry(
                    "context",
                    List.of(
                            new Example("List the contexts", "zrefresh context list"),
                            new Example(
                                    "Create a context, its API key read from stdin",
                                    "printf '%s\\n' \"$KEY\" | zrefresh context set staging --endpoint https://staging.example --api-key-stdin"),
                            new Example("Use it", "zrefresh --context staging list"))),
            Map.entry(
                    "context list",
                    List.of(
                            new Example("List the contexts", "zrefresh context list"),
                            new Example("As JSON", "zrefresh context list -o json"))),
            Map.entry(
                    "context show",
                    List.of(
                            new Example("Show the context in use", "zrefresh context show"),
                            new Example("Show another one", "zrefresh context show staging"))),
            Map.entry(
                    "context set",
                    List.of(
                            new Example(
                                    "Create a context, its API key read from stdin",
                                    "printf '%s\\n' \"$KEY\" | zrefresh context set staging --endpoint https://staging.example --database db1 --api-key-stdin"),
                            new Example(
                                    "Change only the database of the default context",
                                    "zrefresh context set default --database analytics"))),
            Map.entry(
                    "context delete",
                    List.of(new Example("Delete a context and its key", "zrefresh context delete staging"))),
            Map.entry(
                    "dev-server",
                    List.of(
                            new Example("Serve on port 19530 until Ctrl-C", "zrefresh dev-server"),
                            new Example(
                                    "Run a pipeline step against it, with jobs that take 5 seconds",
                                    "zrefresh dev-server --job-time 5s --exec 'zrefresh trigger --name ext_books --wait'"))),
            Map.entry(
                    "external-collection",
                    List.of(new Example(
                            "A script written for the official CLI, with zilliz replaced by zrefresh",
                            "zrefresh external-collection refresh trigger --name books"))),
            Map.entry(
                    "external-collection refresh",
                    List.of(
                            new Example(
                                    "Trigger a refresh", "zrefresh external-collection refresh trigger --name books"),
                            new Example(
                                    "List the jobs of a collection",
                                    "zrefresh external-collection refresh list --name books"))),
            Map.entry(
                    "external-collection refresh trigger",
                    List.of(
                            new Example(
                                    "Trigger a refresh (the same as zrefresh trigger)",
                                    "zrefresh external-collection refresh trigger --name books"),
                            new Example(
                                    "Trigger and wait for the job to end",
                                    "zrefresh external-collection refresh trigger --name books --wait"))),
            Map.entry(
                    "external-collection refresh describe",
                    List.of(new Example(
                            "Show a job (the same as zrefresh describe)",
                            "zrefresh external-collection refresh describe --job-id 466073417512550401"))),
            Map.entry(
                    "external-collection refresh list",
                    List.of(new Example(
                            "The jobs of one collection (the same as zrefresh list)",
                            "zrefresh external-collection refresh list --name books"))),
            Map.entry(
                    "help",
                    List.of(
                            new Example("The help of a command", "zrefresh help trigger"),
                            new Example("The help of a command of a group", "zrefresh help context set"))));

    private Examples() {}

    /** The examples of a command; none for a command without any (the hidden ones). */
    public static List<Example> of(CommandSpec spec) {
        String path =
                spec.qualifiedName(" ").substring(spec.root().name().length()).strip();
        return BY_PATH.getOrDefault(path, List.of());
    }

    /** Adds the Examples section to the help of this command and its subcommands, before the footer. */
    static void addToHelp(CommandLine command) {
        List<Example> examples = of(command.getCommandSpec());
        if (!examples.isEmpty()) {
            UsageMessageSpec usage = command.getCommandSpec().usageMessage();
            List<String> keys = new ArrayList<>(usage.sectionKeys());
            keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION_KEY);
            usage.sectionKeys(keys);
            usage.sectionMap().put(SECTION_KEY, help -> section(examples));
        }
        command.getSubcommands().values().forEach(Examples::addToHelp);
    }

    /** As kubectl shows them: a comment that says what, then the line. */
    private static String section(List<Example> examples) {
        StringBuilder text =
                new StringBuilder(String.format("%n")).append(HEADING).append(String.format("%n"));
        for (Example example : examples) {
            text.append(String.format("  # %s%n  %s%n", example.purpose(), example.commandLine()));
        }
        return text.toString();
    }
}
