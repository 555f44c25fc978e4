package io.zrefresh.devserver;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The {@code /_dev/} endpoints: the in-process controls of {@link DevServer} over HTTP, for tests that run the
 * CLI as another process and for benchmarks with curl. No auth, not counted in {@link Stats}.
 */
final class ControlHandler implements HttpConnection.Handler {

    static final String PREFIX = "/_dev/";

    private static final Set<String> FAULT_FIELDS =
            Set.of("fault", "endpoint", "times", "status", "contentType", "body", "headers", "delayMs");

    private final DevServer server;

    ControlHandler(DevServer server) {
        this.server = server;
    }

    static boolean serves(HttpRequest request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public Reply handle(HttpRequest request) {
        try {
            return switch (request.method() + " " + request.path()) {
                case "POST /_dev/faults" ->
                    addFault(ControlRequest.parse(request.body()).allowOnly(FAULT_FIELDS));
                case "POST /_dev/faults/clear" -> {
                    server.faults().clear();
                    yield queuedFaults();
                }
                case "POST /_dev/config" ->
                    configure(ControlRequest.parse(request.body()).allowOnly(Set.of("overlapCheck")));
                case "POST /_dev/seed" ->
                    seed(ControlRequest.parse(request.body()).allowOnly(Set.of("dbName", "collectionName", "jobs")));
                case "GET /_dev/stats" -> stats();
                case "POST /_dev/stats/reset" -> {
                    server.stats().reset();
                    yield stats();
                }
                default -> HttpResponse.notFound();
            };
        } catch (IllegalArgumentException e) {
            return json(400, Json.bytes(generator -> {
                generator.writeStartObject();
                generator.writeStringField("error", e.getMessage());
                generator.writeEndObject();
            }));
        }
    }

    private HttpResponse addFault(ControlRequest request) {
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
                                request.text("contentType", HttpResponse.TEXT),
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

    private HttpResponse configure(ControlRequest request) {
        boolean overlapCheck = request.bool("overlapCheck");
        server.setOverlapCheck(overlapCheck);
        return json(200, Json.bytes(generator -> {
            generator.writeStartObject();
            generator.writeBooleanField("overlapCheck", overlapCheck);
            generator.writeEndObject();
        }));
    }

    private HttpResponse seed(ControlRequest request) {
        int count = request.integer("jobs");
        server.seedJobs(request.text("dbName", "default"), request.text("collectionName"), count);
        return json(200, Json.bytes(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("seeded", count);
            generator.writeEndObject();
        }));
    }

    private HttpResponse stats() {
        Stats stats = server.stats();
        return json(200, Json.bytes(generator -> {
            generator.writeStartObject();
            generator.writeObjectFieldStart("requests");
            for (Endpoint endpoint : Endpoint.API) {
                generator.writeNumberField(endpoint.wireName(), stats.requests(endpoint));
            }
            generator.writeEndObject();
            generator.writeNumberField("connections", stats.connectionsAccepted());
            generator.writeNumberField("jobsCreated", stats.jobsCreated());
            generator.writeEndObject();
        }));
    }

    private HttpResponse queuedFaults() {
        int queued = server.faults().remaining();
        return json(200, Json.bytes(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("queued", queued);
            generator.writeEndObject();
        }));
    }

    private static HttpResponse json(int status, byte[] body) {
        return HttpResponse.of(status, HttpResponse.JSON, body);
    }
}
