package io.zrefresh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.json.Json;
import io.zrefresh.output.Shape;
import io.zrefresh.output.SummaryTable;
import io.zrefresh.refresh.SkipReason;
import io.zrefresh.refresh.TriggerOutcome;
import io.zrefresh.refresh.TriggerOutcome.Blocked;
import io.zrefresh.refresh.TriggerOutcome.Failed;
import io.zrefresh.refresh.TriggerOutcome.Skipped;
import io.zrefresh.refresh.TriggerOutcome.Triggered;
import io.zrefresh.refresh.WaitResult;
import io.zrefresh.time.Durations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns how a trigger or a wait ended into stdout, the messages on stderr, the CI report and the
 * exit code: the one place that knows that a failed job is 8 and a blocked trigger 7, and how the
 * outcomes of several collections add up.
 */
final class Outcomes {

    /** A failure reason longer than this is cut in the message (stdout keeps all of it). */
    static final int MAX_REASON = 500;

    /** Per-collection exit codes, most severe first: the exit code of several is the first one present. */
    private static final List<Integer> SEVERITY = List.of(
            ExitCode.AUTH,
            ExitCode.SERVER,
            ExitCode.NETWORK,
            ExitCode.JOB_FAILED,
            ExitCode.TIMEOUT,
            ExitCode.ACTIVE_JOB);

    private final Session session;

    Outcomes(Session session) {
        this.session = session;
    }

    /**
     * How one collection's trigger ended, told every way it is told.
     *
     * @param problem the message and exit code when it did not end well, else null
     * @param record  its record: collection, outcome, job id, the job when followed, the error
     * @param known   the job as last seen (followed, listed or described), or null
     */
    private record Told(TriggerOutcome outcome, Problem problem, ObjectNode record, Job known, SummaryTable.Row row) {}

    /** One --name: stdout and stderr exactly as a trigger of one collection always printed them. */
    int print(TriggerOutcome outcome, boolean withWait) throws UsageException {
        Told told = tell(outcome, withWait);
        WaitResult waited = waitedOf(outcome);
        if (waited != null) {
            if (waited.job() != null) {
                session.printer().print(waited.job().node(), Shape.JOB);
            }
        } else if (outcome instanceof Triggered triggered) {
            session.printer().print(triggered.data(), Shape.GENERIC);
        } else if (outcome instanceof Skipped skipped) {
            session.printer().print(Job.idDocument(skipped.jobId()), Shape.GENERIC);
        }
        int exitCode = ExitCode.OK;
        if (outcome instanceof Failed failed) {
            exitCode = session.reporter().report(failed.error());
        } else if (told.problem() != null) {
            exitCode = session.reporter().report(told.problem());
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        JsonNode jobId = told.record().get(Job.JOB_ID);
        if (jobId != null) {
            outputs.put("job-id", jobId.asText());
        }
        if (told.known() != null) {
            outputs.put("state", told.known().stateName());
        }
        outputs.put(Shape.OUTCOME, told.record().get(Shape.OUTCOME).asText());
        reportToCi(List.of(told), outputs);
        return exitCode;
    }

    /**
     * Several --name: the records on stdout whatever happened, a line on stderr per collection
     * that did not end well, and the most severe of their exit codes.
     */
    int printAll(List<TriggerOutcome> outcomes, boolean withWait) throws UsageException {
        List<Told> told =
                outcomes.stream().map(outcome -> tell(outcome, withWait)).toList();
        ArrayNode records = Json.array();
        told.forEach(each -> records.add(each.record()));
        ObjectNode value = Json.object();
        value.set("records", records);
        session.printer().print(value, Shape.RECORDS);
        int exitCode = ExitCode.OK;
        for (Told each : told) {
            Problem problem = each.problem();
            if (problem != null) {
                session.reporter()
                        .line(new Problem(
                                problem.exitCode(),
                                each.outcome().collection() + ": " + problem.message(),
                                problem.serverCode(),
                                problem.activeJobId(),
                                problem.traceId()));
                exitCode = moreSevere(exitCode, problem.exitCode());
            }
        }
        reportToCi(told, new LinkedHashMap<>());
        return exitCode;
    }

    /** wait: the job as last seen on stdout; exit 0 when it completed, else a message and its code. */
    int print(WaitResult result) throws UsageException {
        Job job = result.job();
        if (job != null) {
            session.printer().print(job.node(), Shape.JOB);
        }
        Problem problem = problemOf(result, null);
        int exitCode = problem == null ? ExitCode.OK : session.reporter().report(problem);
        Map<String, String> outputs = new LinkedHashMap<>();
        if (result.jobId() != null) {
            outputs.put("job-id", result.jobId().toString());
        }
        if (job != null) {
            outputs.put("state", job.stateName());
        }
        ArrayNode jobs = Json.array();
        if (job != null) {
            jobs.add(job.node());
        }
        outputs.put("jobs", Json.compact(jobs));
        List<SummaryTable.Row> rows =
                job == null ? List.of() : List.of(row(job, problem == null ? "" : problem.message()));
        session.ci().report("zrefresh wait", rows, outputs);
        return exitCode;
    }

    /** wait --name of a collection without any job. */
    int noJob(String collection, String database) {
        return session.reporter()
                .report(Problem.of(
                        ExitCode.SERVER,
                        "No refresh job of " + collection + " was found in database " + database
                                + ", so there is nothing to wait for. Start one with: zrefresh trigger --name "
                                + collection));
    }

    private void reportToCi(List<Told> told, Map<String, String> outputs) {
        ArrayNode jobs = Json.array();
        told.forEach(each -> jobs.add(each.record()));
        outputs.put("jobs", Json.compact(jobs));
        session.ci().report("zrefresh trigger", told.stream().map(Told::row).toList(), outputs);
    }

    private static int moreSevere(int a, int b) {
        if (a == ExitCode.OK) {
            return b;
        }
        return SEVERITY.indexOf(b) < SEVERITY.indexOf(a) ? b : a;
    }

    private Told tell(TriggerOutcome outcome, boolean withWait) {
        String collection = outcome.collection();
        ObjectNode record = Json.object().put(Job.COLLECTION, collection);
        Problem problem;
        String word;
        JobId jobId;
        String note;
        if (outcome instanceof Triggered triggered) {
            word = "triggered";
            jobId = triggered.jobId();
            problem = triggered.waited() == null ? null : problemOf(triggered.waited(), null);
            note = "";
        } else if (outcome instanceof Skipped skipped) {
            jobId = skipped.jobId();
            problem = skipped.waited() == null ? null : problemOf(skipped.waited(), null);
            if (skipped.reason() instanceof SkipReason.Fresh fresh) {
                word = "skipped-fresh";
                note = "not refreshed: refreshed " + StderrListener.ago(fresh.age()) + " ago (--if-older-than "
                        + Durations.brief(fresh.limit()) + ")";
            } else {
                word = "skipped-active";
                note = "not refreshed: a refresh was already running (--on-active skip)";
            }
        } else if (outcome instanceof Blocked blocked) {
            word = "blocked";
            jobId = blocked.activeJobId();
            problem = blocked.waited() == null ? blockedProblem(blocked) : problemOf(blocked.waited(), blocked);
            note = "";
        } else {
            word = "error";
            jobId = null;
            problem = ErrorReporter.problemOf(((Failed) outcome).error());
            note = "";
        }
        record.put(Shape.OUTCOME, word);
        if (jobId != null) {
            record.set(Job.JOB_ID, jobId.toJson());
        }
        Job job = jobOf(outcome, withWait);
        if (job != null) {
            job.node().fields().forEachRemaining(field -> record.set(field.getKey(), field.getValue()));
        }
        if (outcome instanceof Failed) {
            record.set(Shape.ERROR, session.reporter().errorObject(problem));
        }
        String explanation = problem == null ? note : problem.message();
        Job known = knownJob(outcome);
        SummaryTable.Row row = known != null
                ? row(known, explanation)
                : new SummaryTable.Row(collection, jobId == null ? "" : jobId.toString(), word, "", "", explanation);
        return new Told(outcome, problem, record, known, row);
    }

    /** The job whose fields the record carries: with --wait, the job as last seen. */
    private static Job jobOf(TriggerOutcome outcome, boolean withWait) {
        WaitResult waited = waitedOf(outcome);
        if (waited != null && waited.job() != null) {
            return waited.job();
        }
        if (withWait && outcome instanceof Blocked blocked) {
            return blocked.activeJob();
        }
        return null;
    }

    /** The job as last seen, whether or not the record carries it: for the summary and the outputs. */
    private static Job knownJob(TriggerOutcome outcome) {
        WaitResult waited = waitedOf(outcome);
        if (waited != null && waited.job() != null) {
            return waited.job();
        }
        if (outcome instanceof Skipped skipped && skipped.reason() instanceof SkipReason.Fresh fresh) {
            return fresh.completed();
        }
        return outcome instanceof Blocked blocked ? blocked.activeJob() : null;
    }

    private static WaitResult waitedOf(TriggerOutcome outcome) {
        if (outcome instanceof Triggered triggered) {
            return triggered.waited();
        }
        if (outcome instanceof Skipped skipped) {
            return skipped.waited();
        }
        if (outcome instanceof Blocked blocked) {
            return blocked.waited();
        }
        return null;
    }

    /** A job's row; {@code explanation} fills the reason of a job that has none. */
    private SummaryTable.Row row(Job job, String explanation) {
        SummaryTable.Row row = SummaryTable.Row.of(job, session.world().clock().millis());
        if (!job.reason().isEmpty() || explanation.isEmpty()) {
            return row;
        }
        return new SummaryTable.Row(
                row.collection(), row.jobId(), row.state(), row.progress(), row.duration(), explanation);
    }

    /**
     * How a wait ended, as a problem, or null when the job completed.
     *
     * @param blocked the trigger this wait was for, when it waited for another job (--on-active
     *                wait) and no refresh was sent
     */
    private static Problem problemOf(WaitResult result, Blocked blocked) {
        Job job = result.job();
        String notSent = blocked == null ? "" : "; no refresh of " + blocked.collection() + " was sent";
        String follow = result.jobId() == null ? "" : " Follow it with: zrefresh wait --job-id " + result.jobId();
        return switch (result.outcome()) {
            case COMPLETED -> null;
            case FAILED ->
                Problem.of(
                        ExitCode.JOB_FAILED,
                        "Job " + job.id() + " of " + job.collectionName() + " failed: " + reasonOf(job));
            case TIMED_OUT ->
                Problem.of(
                        ExitCode.TIMEOUT,
                        result.jobId() == null
                                ? "Timed out: the server still refuses a refresh of " + blocked.collection()
                                        + " as a duplicate (" + blocked.serverMessage()
                                        + ") and lists no active job" + notSent + "."
                                : "Timed out waiting for job " + result.jobId() + seen(job) + notSent
                                        + "; it keeps running on the server." + follow);
            case STALLED ->
                Problem.of(
                        ExitCode.TIMEOUT,
                        "No progress for " + Durations.brief(result.stalledFor())
                                + " (still " + job.stateName() + " " + job.progress() + "%)"
                                + notSent + "; job " + result.jobId() + " keeps running on the server." + follow);
            case UNREACHABLE ->
                new Problem(
                        ExitCode.NETWORK,
                        "Gave up waiting for job " + result.jobId() + ": "
                                + result.outage().getMessage()
                                + " (unreachable for --max-outage)" + notSent
                                + "; the job may still be running."
                                + follow,
                        result.outage().serverCode().orElse(null),
                        null,
                        result.outage().traceId().orElse(null));
        };
    }

    /** The failure reason for a message: cut when long, saying how to see all of it. */
    private static String reasonOf(Job job) {
        String reason = job.reason();
        if (reason.isEmpty()) {
            return "the server gave no reason";
        }
        if (reason.length() <= MAX_REASON) {
            return reason;
        }
        return reason.substring(0, MAX_REASON) + "… (cut: the reason has " + reason.length()
                + " characters; see all of it with: zrefresh describe --job-id " + job.id()
                + " -o json --query reason)";
    }

    private static String seen(Job job) {
        return job == null ? "" : " (" + job.stateName() + " at " + job.progress() + "%)";
    }

    private static Problem blockedProblem(Blocked blocked) {
        String collection = blocked.collection();
        String message;
        if (blocked.activeJobId() == null) {
            message = "A refresh of " + collection + " is already running (the server said: "
                    + blocked.serverMessage() + "); see it with: zrefresh list --name " + collection
                    + " --active";
        } else {
            Job job = blocked.activeJob();
            String status = job == null ? "" : " is " + job.stateName() + " at " + job.progress() + "%";
            message = "A refresh of " + collection + " is already running: job " + blocked.activeJobId() + status
                    + ". Follow it with: zrefresh wait --job-id " + blocked.activeJobId()
                    + " (or trigger with --on-active wait|skip)";
        }
        String traceId =
                blocked.refusal() == null ? null : blocked.refusal().traceId().orElse(null);
        return new Problem(
                ExitCode.ACTIVE_JOB,
                message + (traceId == null ? "" : " (trace id " + traceId + ")"),
                blocked.serverCode(),
                blocked.activeJobId(),
                traceId);
    }
}
