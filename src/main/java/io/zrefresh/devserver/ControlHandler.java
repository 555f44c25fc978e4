package io.zrefresh.devserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The {@code /_dev/} endpoints: the in-process controls of {@link DevServer} over HTTP, for tests that run the
 * CLI as another process and for benchmarks with curl. No auth, not counted in {@link Stats}.
 */
final class ControlHandler implements ExchangeHandler.Handler {

    static final String PREFIX = "/_dev/";

    private static final Set<String> FAULT_FIELDS =
            Set.of("fault", "endpoint", "times", "status", "contentType", "body", "headers", "delayMs");
    private static final Set<String> CONFIG_FIELDS = Set.of("overlapCheck", "standardErrorStatus", "jobBehaviour");
    private static final Set<String> JOB_BEHAVIOUR_FIELDS =
            Set.of("dbName", "collectionName", "kind", "progress", "durationMs", "state");
    private static final Set<String> SEED_FIELDS =
            Set.of("dbName", "collectionName", "jobs", "state", "endTime", "endedAgoMs");

    private final DevServer server;

    ControlHandler(DevServer server) {
        this.server = server;
    }

    static boolean serves(Request request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public Reply handle(Request request) {
        try {
            return switch (request.method() + " " + request.path()) {
                case "POST /_dev/faults" ->
                    addFault(ControlRequest.parse(request.body()).allowOnly(FAULT_FIELDS));
                case "POST /_dev/faults/clear" -> {
                    server.faults().clear();
                    yield queuedFaults();
                }
                case "POST /_dev/config" ->
                    configure(ControlRequest.parse(request.body()).allowOnly(CONFIG_FIELDS));
                case "POST /_dev/seed" ->
                    seed(ControlRequest.parse(request.body()).allowOnly(SEED_FIELDS));
                case "GET /_dev/stats" -> stats();
                case "POST /_dev/stats/reset" -> {
                    server.stats().reset();
                    yield stats();
                }
                default -> Response.notFound();
            };
        } catch (IllegalArgumentException e) {
            return json(400, object().put("error", e.getMessage()));
        }
    }

    private Response addFault(ControlRequest request) {
        server.faults()
                .add(fault(request)
                        .on(Endpoint.fromWireName(request.text("endpoint", Endpoint.ANY.wireName())))
                        .times(request.integer("times", 1)));
        return queuedFaults();
    }

    private static Fault fault(ControlRequest request) {
        String name = request.text("fault");
        if (!name.equals("http-status") && request.has("headers")) {
            throw new IllegalArgumentException("only an http-status fault takes headers");
        }
        return switch (name) {
            case "http-status" ->
                withHeaders(
                        Fault.httpStatus(
                                request.integer("status"),
                                request.text("contentType", Response.TEXT),
                                request.text("body", "")),
                        request.textMap("headers"));
            case "reset" -> Fault.reset();
            case "lost-answer" -> Fault.lostAnswer();
            case "truncated-json" -> Fault.truncatedJson();
            case "delay" -> Fault.delay(Duration.ofMillis(request.integer("delayMs")));
            case "rate-limited" -> Fault.rateLimited();
            case "old-data-plane" -> Fault.oldDataPlane();
            default ->
                throw new IllegalArgumentException("unknown fault \"" + name + "\"; expected http-status, reset,"
                        + " lost-answer, truncated-json, delay, rate-limited or old-data-plane");
        };
    }

    private static Fault withHeaders(Fault fault, Map<String, String> headers) {
        Fault result = fault;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            result = result.withHeader(header.getKey(), header.getValue());
        }
        return result;
    }

    /** Checks every field before it changes anything, so a bad request changes nothing. */
    private Response configure(ControlRequest request) {
        Boolean overlapCheck = request.has("overlapCheck") ? request.bool("overlapCheck") : null;
        Boolean standardErrorStatus = request.has("standardErrorStatus") ? request.bool("standardErrorStatus") : null;
        if (request.has("jobBehaviour")) {
            ControlRequest job = request.object("jobBehaviour").allowOnly(JOB_BEHAVIOUR_FIELDS);
            server.setJobBehaviour(job.text("dbName", "default"), job.text("collectionName"), jobBehaviour(job));
        }
        if (overlapCheck != null) {
            server.setOverlapCheck(overlapCheck);
        }
        if (standardErrorStatus != null) {
            server.setStandardErrorStatus(standardErrorStatus);
        }
        return json(
                200,
                object().put("overlapCheck", server.overlapCheck())
                        .put("standardErrorStatus", server.standardErrorStatus()));
    }

    private static JobBehaviour jobBehaviour(ControlRequest request) {
        String kind = request.text("kind");
        return switch (kind) {
            case "normal" -> JobBehaviour.normal();
            case "plateau" ->
                JobBehaviour.plateau(request.integer("progress"), Duration.ofMillis(request.integer("durationMs")));
            case "never-finishes" -> JobBehaviour.neverFinishing(request.integer("progress"));
            case "unknown-state" ->
                JobBehaviour.unknownState(
                        request.text("state", "RefreshValidating"), Duration.ofMillis(request.integer("durationMs")));
            default ->
                throw new IllegalArgumentException("unknown job behaviour \"" + kind
                        + "\"; expected normal, plateau, never-finishes or unknown-state");
        };
    }

    /** Either {@code jobs} finished jobs spread over the last hours, or one that ended at a chosen time. */
    private Response seed(ControlRequest request) {
        String database = request.text("dbName", "default");
        String collection = request.text("collectionName");
        if (request.has("jobs")) {
            int count = request.integer("jobs");
            server.seedJobs(database, collection, count);
            return json(200, object().put("seeded", count));
        }
        if (request.has("endTime") == request.has("endedAgoMs")) {
            throw new IllegalArgumentException("give \"jobs\", or one of \"endTime\" and \"endedAgoMs\"");
        }
        Instant end = request.has("endTime")
                ? Instant.ofEpochMilli(request.int64("endTime"))
                : server.now().minusMillis(request.integer("endedAgoMs"));
        long jobId = request.has("state")
                ? server.seedFinishedJob(database, collection, request.text("state"), end)
                : server.seedFinishedJob(database, collection, end);
        return json(200, object().put("seeded", 1).put("jobId", jobId));
    }

    private Response stats() {
        Stats stats = server.stats();
        ObjectNode answer = object();
        ObjectNode requests = answer.putObject("requests");
        for (Endpoint endpoint : Endpoint.API) {
            requests.put(endpoint.wireName(), stats.requests(endpoint));
        }
        return json(
                200, answer.put("connections", stats.connectionsAccepted()).put("jobsCreated", stats.jobsCreated()));
    }

    private Response queuedFaults() {
        return json(200, object().put("queued", server.faults().remaining()));
    }

    private static ObjectNode object() {
        return JsonCodec.MAPPER.createObjectNode();
    }

    private static Response json(int status, ObjectNode body) {
        return Response.of(status, Response.JSON, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
