package io.zrefresh.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zrefresh.api.ApiException;
import io.zrefresh.cli.report.CiReport;
import io.zrefresh.config.ConfigException;
import io.zrefresh.json.Json;
import io.zrefresh.output.OutputFormat;
import io.zrefresh.output.Query;
import io.zrefresh.output.SafeText;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes and messages. A message is one sentence; a
 * stack trace appears only with --debug. What it prints never shows a key of this run (masked as
 * {@code ***}, whatever put it in a message), and the lines for people show control characters
 * (from server text) as escapes; the JSON line keeps the message exact, JSON-escaped.
 */
final class ErrorReporter {

    /** Shorter "keys" (a test token, a typo) would mask ordinary words of messages. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final PrintStream err;
    private final boolean jsonLine;
    private final boolean debug;
    private final CiReport ci;
    private final Collection<String> secrets;

    ErrorReporter(PrintStream err, boolean jsonLine, boolean debug, CiReport ci, Collection<String> secrets) {
        this.err = err;
        this.jsonLine = jsonLine;
        this.debug = debug;
        this.ci = ci;
        this.secrets = secrets;
    }

    /**
     * Whether the arguments ask for -o json, as picocli would read them: the last -o wins, "--"
     * ends the options.
     */
    static boolean asksForJson(String[] args) {
        String format = null;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            String arg = args[i];
            if (arg.equals("-o") || arg.equals("--output")) {
                format = i + 1 < args.length ? args[++i] : null;
            } else if (arg.startsWith("--output=")) {
                format = arg.substring("--output=".length());
            } else if (arg.startsWith("-o")) {
                format = arg.substring(2).replaceFirst("^=", "");
            }
        }
        return format != null && format.strip().equalsIgnoreCase(OutputFormat.JSON.id());
    }

    int report(Throwable failure) {
        if (debug) {
            printTrace(failure);
        }
        return report(problemOf(failure));
    }

    int report(Problem problem) {
        return report(problem, List.of());
    }

    /** The message, then hints for people (not part of the JSON line, which comes last). */
    int report(Problem problem, List<String> hints) {
        line(problem);
        hints.forEach(hint -> err.println(SafeText.escape(masked(hint))));
        if (jsonLine) {
            err.println(Json.line(Json.object().set("error", errorObject(problem))));
        }
        err.flush();
        return problem.exitCode();
    }

    /** The message alone (and its CI annotation), for one of several outcomes told together. */
    void line(Problem problem) {
        String message = masked(problem.message());
        err.println(SafeText.escape(message));
        ci.annotation(problem.exitCode(), message).ifPresent(err::println);
        err.flush();
    }

    /** {@code {"exitCode":..,"code":..,"message":..}} and what else is known, as -o json shows an error. */
    ObjectNode errorObject(Problem problem) {
        ObjectNode error = Json.object().put("exitCode", problem.exitCode());
        if (problem.serverCode() != null) {
            error.put("code", problem.serverCode());
        }
        error.put("message", masked(problem.message()));
        if (problem.activeJobId() != null) {
            error.set("activeJobId", problem.activeJobId().toJson());
        }
        if (problem.traceId() != null) {
            error.put("traceId", problem.traceId());
        }
        return error;
    }

    /** The --debug trace: each exception of the cause chain with its frames. */
    private void printTrace(Throwable failure) {
        String prefix = "";
        for (Throwable current = failure; current != null; current = current.getCause()) {
            err.println(prefix + SafeText.escape(masked(current.toString())));
            for (StackTraceElement frame : current.getStackTrace()) {
                err.println("\tat " + frame);
            }
            prefix = "Caused by: ";
        }
    }

    private String masked(String text) {
        String shown = text;
        for (String secret : secrets) {
            if (secret.length() >= MIN_SECRET_LENGTH) {
                shown = shown.replace(secret, "***");
            }
        }
        return shown;
    }

    static Problem problemOf(Throwable failure) {
        if (failure instanceof ApiException api) {
            int exit = switch (api.kind()) {
                case AUTH -> ExitCode.AUTH;
                case SERVER -> ExitCode.SERVER;
                case NETWORK -> ExitCode.NETWORK;
            };
            return new Problem(
                    exit,
                    api.getMessage(),
                    api.serverCode().orElse(null),
                    null,
                    api.traceId().orElse(null));
        }
        if (failure instanceof ConfigException) {
            return Problem.of(ExitCode.CONFIG, failure.getMessage());
        }
        if (failure instanceof UsageException
                || failure instanceof CommandLine.ParameterException
                || failure instanceof Query.EvaluationException) {
            return Problem.of(ExitCode.USAGE, failure.getMessage());
        }
        if (failure instanceof InterruptedException) {
            return Problem.of(
                    Interruption.exitCode(),
                    failure.getMessage() == null ? "Interrupted." : "Interrupted; " + failure.getMessage() + ".");
        }
        if (failure instanceof OutOfMemoryError) {
            return Problem.of(
                    ExitCode.INTERNAL,
                    "Out of memory: this needs more than zrefresh's heap of "
                            + (Runtime.getRuntime().maxMemory() >> 20)
                            + " MiB (--query holds the whole answer); with the JVM launcher, "
                            + "ZREFRESH_JAVA_OPTS=-Xmx1g raises it; or ask for less, e.g. list --name");
        }
        return Problem.of(
                ExitCode.INTERNAL,
                "Internal error: " + failure + " (run again with --debug for details, and please report it)");
    }
}
