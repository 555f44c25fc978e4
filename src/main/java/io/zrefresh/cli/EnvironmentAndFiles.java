package io.zrefresh.cli;

import io.zrefresh.cli.report.CiSystem;
import io.zrefresh.config.ConfigDirectory;
import io.zrefresh.config.SettingsResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * What zrefresh reads besides its arguments. One list for the footer of {@code zrefresh --help}
 * and for the ENVIRONMENT and FILES sections of the zrefresh(1) man page.
 */
public final class EnvironmentAndFiles {

    /** A variable or file, and what zrefresh takes from it. */
    public record Entry(String name, String meaning) {}

    public static final List<Entry> VARIABLES = List.of(
            new Entry(SettingsResolver.ENV_ENDPOINT, "Endpoint, when --endpoint is not given."),
            new Entry(SettingsResolver.ENV_API_KEY, "API key (there is no --api-key flag)."),
            new Entry(SettingsResolver.ENV_DATABASE, "Database, when --database is not given."),
            new Entry(SettingsResolver.ENV_CONTEXT, "Context, when --context is not given."),
            new Entry(ConfigDirectory.ENV_CONFIG_DIR, "Directory of config and credentials (default: ~/.zilliz)."),
            new Entry("NO_COLOR", "When set and not empty: no ANSI colour."),
            new Entry(CiSystem.ENV_CI, "CI system to report to, when --ci is not given: auto, github, gitlab, off."),
            new Entry(
                    "GITHUB_ACTIONS",
                    "true: --ci auto reports to GitHub (job table to GITHUB_STEP_SUMMARY, outputs to GITHUB_OUTPUT)."),
            new Entry("GITLAB_CI", "true: --ci auto reports to GitLab CI."),
            new Entry("RUNNER_DEBUG", "1 on GitHub: as --debug."),
            new Entry("TRACEPARENT", "W3C trace context, sent as the traceparent header."));

    public static final List<Entry> FILES = List.of(
            new Entry("~/.zilliz/config", "Contexts (INI): endpoint, database, cluster_id."),
            new Entry("~/.zilliz/credentials", "API key per context or [default] (mode 0600)."),
            new Entry("~/.zilliz/locks/", "Locks that keep concurrent triggers apart."),
            new Entry("~/.zilliz/zrefresh_history", "History of zrefresh shell."));

    private EnvironmentAndFiles() {}

    /** The help's footer (its heading is "Environment:"). */
    static String[] helpFooter() {
        List<String> lines = new ArrayList<>();
        lines.addAll(table(VARIABLES));
        lines.add("");
        lines.add("Files (in $ZILLIZ_CONFIG_DIR when it is set):");
        lines.addAll(table(FILES));
        lines.add("");
        lines.add("Run 'zrefresh COMMAND --help' for a command's options.");
        return lines.toArray(String[]::new);
    }

    private static List<String> table(List<Entry> entries) {
        int width =
                entries.stream().mapToInt(entry -> entry.name().length()).max().orElse(0);
        return entries.stream()
                .map(entry -> String.format("  %-" + width + "s  %s", entry.name(), entry.meaning()))
                .toList();
    }
}
