package io.zrefresh.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zrefresh.api.ApiException;
import io.zrefresh.cli.report.CiReport;
import io.zrefresh.config.ConfigException;
import io.zrefresh.json.Json;
import io.zrefresh.output.OutputFormat;
import io.zrefresh.output.Query;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes and messages. A message is one sentence; a
 * stack trace appears only with --debug.
 */
final class ErrorReporter {

    private final PrintStream err;
    private final boolean jsonLine;
    private final boolean debug;
    private final CiReport ci;

    ErrorReporter(PrintStream err, boolean jsonLine, boolean debug, CiReport ci) {
        this.err = err;
        this.jsonLine = jsonLine;
        this.debug = debug;
        this.ci = ci;
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
        hints.forEach(err::println);
        if (jsonLine) {
            err.println(Json.compact(Json.object().set("error", errorObject(problem))));
        }
        err.flush();
        return problem.exitCode();
    }

    /** The message alone (and its CI annotation), for one of several outcomes told together. */
    void line(Problem problem) {
        err.println(problem.message());
        ci.annotation(problem.exitCode(), problem.message()).ifPresent(err::println);
        err.flush();
    }

    /** {@code {"exitCode":..,"code":..,"message":..}} and what else is known, as -o json shows an error. */
    static ObjectNode errorObject(Problem problem) {
        ObjectNode error = Json.object().put("exitCode", problem.exitCode());
        if (problem.serverCode() != null) {
            error.put("code", problem.serverCode());
        }
        error.put("message", problem.message());
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
            err.println(prefix + current);
            for (StackTraceElement frame : current.getStackTrace()) {
                err.println("\tat " + frame);
            }
            prefix = "Caused by: ";
        }
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
        return Problem.of(
                ExitCode.INTERNAL,
                "Internal error: " + failure + " (run again with --debug for details, and please report it)");
    }
}
