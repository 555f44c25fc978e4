package io.zrefresh.cli.report;

import io.zrefresh.cli.ExitCode;
import io.zrefresh.config.PrivateFiles;
import io.zrefresh.output.SafeText;
import io.zrefresh.output.SummaryTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * GitHub Actions: workflow commands on stderr ({@code ::group::}, {@code ::error}), the job table
 * appended to {@code $GITHUB_STEP_SUMMARY} and the step outputs to {@code $GITHUB_OUTPUT}.
 */
final class GithubReport extends CiReport {

    static final String ENV_SUMMARY = "GITHUB_STEP_SUMMARY";
    static final String ENV_OUTPUT = "GITHUB_OUTPUT";
    /** GitHub shows no step summary larger than this. */
    static final long SUMMARY_LIMIT = 1024 * 1024;

    private final Map<String, String> env;
    private final PrintStream err;

    GithubReport(Map<String, String> env, PrintStream err) {
        this.env = env;
        this.err = err;
    }

    @Override
    public void progressStarted(String title) {
        command("group", title);
    }

    @Override
    public void progressEnded() {
        command("endgroup", "");
    }

    @Override
    public Optional<String> annotation(int exitCode, String message) {
        if (exitCode == ExitCode.OK) {
            return Optional.empty();
        }
        String kind = exitCode == ExitCode.ACTIVE_JOB ? "warning" : "error";
        return Optional.of("::" + kind + " title=zrefresh::" + data(message));
    }

    @Override
    public void report(String heading, List<SummaryTable.Row> rows, Map<String, String> outputs) {
        file(ENV_SUMMARY, "step summary").ifPresent(summary -> {
            try {
                long used = Files.exists(summary) ? Files.size(summary) : 0;
                String section = SummaryTable.markdown(heading, rows, SUMMARY_LIMIT - 1 - used);
                if (section == null) {
                    warn("the step summary " + summary + " is full (GitHub shows at most 1 MiB); no table added");
                } else {
                    append(summary, section);
                }
            } catch (IOException failed) {
                warn("cannot write the step summary " + summary + " (" + PrivateFiles.reason(failed, summary) + ")");
            }
        });
        file(ENV_OUTPUT, "step outputs").ifPresent(output -> {
            StringBuilder text = new StringBuilder();
            outputs.forEach((name, value) -> text.append(outputLine(name, value)));
            try {
                append(output, text.toString());
            } catch (IOException failed) {
                warn("cannot write the step outputs " + output + " (" + PrivateFiles.reason(failed, output) + ")");
            }
        });
    }

    /**
     * {@code name=value}, or for a value of several lines the heredoc form, with a delimiter that
     * the value cannot hold.
     */
    static String outputLine(String name, String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return name + "=" + value + "\n";
        }
        String delimiter;
        do {
            delimiter = "ghadelimiter_" + UUID.randomUUID();
        } while (value.contains(delimiter));
        return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
    }

    /**
     * Text as the data of a workflow command: %, CR and LF in GitHub's escapes, other control
     * characters as visible escapes, so that no text can end the line and forge a command.
     */
    static String data(String text) {
        return SafeText.escape(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    private Optional<Path> file(String variable, String what) {
        String name = env.getOrDefault(variable, "");
        if (name.isBlank()) {
            warn(variable + " is not set; no " + what + " written");
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(name));
        } catch (InvalidPathException invalid) {
            warn("cannot write the " + what + " to " + variable + " (" + invalid.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void warn(String message) {
        command("warning title=zrefresh", message);
    }

    private void command(String name, String value) {
        err.println("::" + name + "::" + data(value));
        err.flush();
    }
}
