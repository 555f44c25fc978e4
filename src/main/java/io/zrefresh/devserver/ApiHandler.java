package io.zrefresh.devserver;

import io.zrefresh.devserver.RequestStruct.Field;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The three API endpoints: routing, fault injection, auth, then the refresh / describe / list logic of the server
 * contract. Answers everything else with the router's plain-text 404.
 */
final class ApiHandler implements ExchangeHandler.Handler {

    private static final RequestStruct REFRESH_REQUEST = new RequestStruct(
            "RefreshExternalCollectionReq",
            Field.optionalString("dbName"),
            Field.requiredString("collectionName", "CollectionName"),
            Field.optionalString("externalSource"),
            Field.optionalString("externalSpec"));
    private static final RequestStruct DESCRIBE_REQUEST =
            new RequestStruct("JobIDReq", Field.requiredInt64("jobId", "JobID"));
    private static final RequestStruct LIST_REQUEST = new RequestStruct(
            "OptionalCollectionNameReq", Field.optionalString("dbName"), Field.optionalString("collectionName"));

    private final String expectedAuthorization;
    private final Catalog catalog;
    private final JobStore jobs;
    private final Faults faults;
    private final Stats stats;
    private volatile boolean standardErrorStatus;

    /** @param token the API key to require, or null for no auth */
    ApiHandler(String token, Catalog catalog, JobStore jobs, Faults faults, Stats stats, boolean standardErrorStatus) {
        this.expectedAuthorization = token == null ? null : "Bearer " + token;
        this.catalog = catalog;
        this.jobs = jobs;
        this.faults = faults;
        this.stats = stats;
        this.standardErrorStatus = standardErrorStatus;
    }

    /** On: business errors are answered with their natural HTTP status ({@link ApiError#standardHttpStatus}). */
    void setStandardErrorStatus(boolean enabled) {
        standardErrorStatus = enabled;
    }

    boolean standardErrorStatus() {
        return standardErrorStatus;
    }

    @Override
    public Reply handle(Request request) throws InterruptedException {
        Optional<Endpoint> routed = Endpoint.forPath(request.path()).filter(e -> "POST".equals(request.method()));
        if (routed.isEmpty()) {
            return Response.notFound();
        }
        Endpoint endpoint = routed.get();
        stats.countRequest(endpoint, request.client());
        Optional<Fault> fault = faults.take(endpoint);
        return fault.isPresent() ? inject(fault.get(), endpoint, request) : process(endpoint, request);
    }

    private Reply inject(Fault fault, Endpoint endpoint, Request request) throws InterruptedException {
        return switch (fault.kind()) {
            case HTTP_STATUS -> fault.cannedResponse();
            case RATE_LIMITED -> traced(request, error(ApiError.rateLimited()));
            case RESET -> Reply.NO_ANSWER;
            case LOST_ANSWER -> {
                process(endpoint, request);
                yield Reply.NO_ANSWER;
            }
            case TRUNCATED_JSON -> process(endpoint, request).truncatedToHalf();
            case DELAY -> {
                Thread.sleep(fault.delay().toMillis());
                yield process(endpoint, request);
            }
        };
    }

    private Response process(Endpoint endpoint, Request request) {
        try {
            // The credential is checked before the body is even parsed.
            if (expectedAuthorization != null && !expectedAuthorization.equals(request.header("Authorization"))) {
                throw ApiError.unauthenticated();
            }
            return traced(
                    request,
                    switch (endpoint) {
                        case REFRESH -> refresh(REFRESH_REQUEST.decode(request.body()), request);
                        case DESCRIBE -> describe(DESCRIBE_REQUEST.decode(request.body()));
                        case LIST -> list(LIST_REQUEST.decode(request.body()), request);
                        case ANY -> throw new IllegalStateException("ANY selects faults; no request is routed to it");
                    });
        } catch (ApiError e) {
            return traced(request, error(e));
        }
    }

    private Response error(ApiError error) {
        return Envelope.error(error, standardErrorStatus);
    }

    /** Every answer of the server itself names its trace, continuing the client's W3C trace when it sent one. */
    private static Response traced(Request request, Response response) {
        return response.withHeader(TraceId.HEADER, TraceId.continuing(request.header("traceparent")));
    }

    /** Checks in the server's order: name, name syntax, source/spec, collection, external, persisted source, overlap. */
    private Response refresh(RequestStruct.Values body, Request request) throws ApiError {
        String name = body.string("collectionName");
        RefreshValidation.checkCollectionName(name);
        Optional<ExternalSource> given =
                RefreshValidation.checkSourceAndSpec(body.string("externalSource"), body.string("externalSpec"));
        CollectionMeta collection = catalog.find(database(body, request), name);
        if (!collection.external()) {
            throw ApiError.notExternal(name);
        }
        Optional<ExternalSource> persisted = collection.persistedSource();
        ExternalSource source = given.or(() -> persisted).orElseThrow(() -> ApiError.noPersistedSource(name));
        ScheduledJob job = jobs.start(collection, source);
        given.ifPresent(collection::persist);
        stats.countJobCreated();
        return Envelope.ok(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("jobId", job.id());
            generator.writeEndObject();
        });
    }

    private Response describe(RequestStruct.Values body) throws ApiError {
        long jobId = body.int64("jobId");
        JobSnapshot job = jobs.describe(jobId).orElseThrow(() -> ApiError.jobNotFound(jobId));
        return Envelope.ok(job::writeTo);
    }

    /** Without a collection name, the jobs of every database (as open-source Milvus does). */
    private Response list(RequestStruct.Values body, Request request) throws ApiError {
        String name = body.string("collectionName");
        Predicate<ScheduledJob> filter = job -> true;
        if (!name.isEmpty()) {
            CollectionMeta collection = catalog.find(database(body, request), name);
            if (!collection.external()) {
                throw ApiError.notExternal(name);
            }
            filter = job -> job.belongsTo(collection);
        }
        List<JobSnapshot> records = jobs.list(filter);
        return Envelope.streamedOk(generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("records");
            for (JobSnapshot record : records) {
                record.writeTo(generator);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        });
    }

    /** Body {@code dbName}, else header {@code DB-Name}, else {@code default}. */
    private static String database(RequestStruct.Values body, Request request) {
        String fromBody = body.string("dbName");
        if (!fromBody.isEmpty()) {
            return fromBody;
        }
        String fromHeader = request.header("DB-Name");
        return fromHeader == null || fromHeader.isEmpty() ? "default" : fromHeader;
    }
}
