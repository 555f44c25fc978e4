package io.zrefresh.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zrefresh.api.ApiException.Delivery;
import io.zrefresh.api.ApiException.Kind;
import io.zrefresh.job.Job;
import io.zrefresh.job.JobId;
import io.zrefresh.job.JobList;
import io.zrefresh.json.Json;
import io.zrefresh.json.RecordsDocument;
import io.zrefresh.time.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The three endpoints of external-collection refresh jobs. Bodies carry only what was asked for;
 * describe and list are retried on transient failures; a refresh is repeated only when the server
 * certainly did not act on it (see {@link ApiException.Delivery}).
 */
public final class RefreshApi implements AutoCloseable {

    private static final String BASE_PATH = "v2/vectordb/jobs/external_collection/";
    /** Newer servers name each answer's trace with it. */
    static final String TRACE_ID_HEADER = "X-Milvus-Trace-Id";

    private static final Pattern TRACE_ID = Pattern.compile("[!-~]{1,128}");

    private final ClientSettings settings;
    private final Transport transport;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Replies replies;
    private final ExchangeTrace trace;

    public RefreshApi(
            ClientSettings settings, Transport transport, RetryPolicy retryPolicy, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.replies = new Replies(clock);
        this.trace = new ExchangeTrace(settings.debug());
    }

    /**
     * Starts a refresh job. Returns the server's data, {@code {"jobId": N}}.
     *
     * @param externalSpec compact JSON of the spec object, or null (sent only with a source)
     */
    public JsonNode trigger(String database, String collection, String externalSource, String externalSpec)
            throws ApiException, InterruptedException {
        ObjectNode body = Json.object().put("dbName", database).put("collectionName", collection);
        if (externalSource != null) {
            body.put("externalSource", externalSource);
            body.put("externalSpec", externalSpec);
        }
        String operation = "trigger a refresh of " + collection;
        JsonNode data = dataOf(call(operation, "refresh", body, false));
        try {
            JobId.fromJson(data.get(Job.JOB_ID));
        } catch (IllegalArgumentException noId) {
            throw ApiException.of(
                            Kind.SERVER,
                            "Cannot " + operation + ": the server answered without a job id: " + Json.compact(data))
                    .delivery(Delivery.UNKNOWN)
                    .httpStatus(200)
                    .build();
        }
        return data;
    }

    public Job describe(JobId jobId) throws ApiException, InterruptedException {
        ObjectNode body = Json.object();
        body.set("jobId", jobId.toJson());
        String operation = "describe refresh job " + jobId;
        JsonNode data = dataOf(call(operation, "describe", body, true));
        if (!data.isObject()) {
            throw unexpected(operation, data);
        }
        return new Job(data);
    }

    /** Lists refresh jobs of a database, or of one collection when {@code collection} is not null. */
    public JobList list(String database, String collection) throws ApiException, InterruptedException {
        return list(
                database, collection, collection == null ? "list refresh jobs" : "list refresh jobs of " + collection);
    }

    /**
     * Lists refresh jobs for a purpose of the caller's, which a failure names ("Cannot {operation}: ...").
     */
    public JobList list(String database, String collection, String operation)
            throws ApiException, InterruptedException {
        ObjectNode body = Json.object().put("dbName", database);
        if (collection != null) {
            body.put("collectionName", collection);
        }
        byte[] answer = call(operation, "list", body, true);
        try {
            return new JobList(RecordsDocument.of(answer, "data", "records"));
        } catch (IllegalArgumentException unexpectedShape) {
            throw unexpected(operation, dataOf(answer));
        }
    }

    /** The envelope's data as a tree: for the small answers of refresh and describe. */
    private static JsonNode dataOf(byte[] answer) {
        try {
            return Json.parse(answer).path("data");
        } catch (IOException checkedBefore) {
            throw new UncheckedIOException("an answer checked as JSON could not be read again", checkedBefore);
        }
    }

    /** Sends until an answer, a failure that is not transient, or the last attempt; returns the success body. */
    private byte[] call(String operation, String action, ObjectNode body, boolean idempotent)
            throws ApiException, InterruptedException {
        URI uri = uriOf(action);
        byte[] bytes = Json.compact(body).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = headers();
        for (int attempt = 1; ; attempt++) {
            ApiException failure;
            trace.request(uri, headers, bytes, attempt);
            Instant sent = clock.instant();
            HttpReply reply = null;
            try {
                reply = transport.post(uri, headers, bytes, settings.requestTimeout());
                trace.reply(reply, Duration.between(sent, clock.instant()));
                return replies.successBody(reply);
            } catch (AnswerTooLargeException tooLarge) {
                trace.failure(tooLarge, Duration.between(sent, clock.instant()));
                failure = replies.tooLarge(tooLarge);
            } catch (IOException noAnswer) {
                trace.failure(noAnswer, Duration.between(sent, clock.instant()));
                failure = replies.noAnswer(noAnswer, uri, settings.requestTimeout());
            } catch (ApiException answered) {
                failure = answered.withTraceId(traceIdOf(reply));
            }
            boolean safe = idempotent || failure.delivery() == Delivery.NOT_PROCESSED;
            Optional<Duration> pause = retryPolicy.delayBefore(attempt + 1, failure, safe);
            if (pause.isEmpty()) {
                throw failure.withMessage("Cannot " + operation + ": " + failure.getMessage()
                        + (attempt > 1 ? " (after " + attempt + " attempts)" : "")
                        + failure.traceId().map(id -> " (trace id " + id + ")").orElse(""));
            }
            trace.retry(pause.get(), failure.getMessage());
            sleeper.sleep(pause.get());
        }
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer " + settings.apiKey());
        headers.put("User-Agent", settings.userAgent());
        if (settings.traceparent() != null) {
            headers.put("traceparent", settings.traceparent());
        }
        return headers;
    }

    /**
     * The answer's {@code X-Milvus-Trace-Id}, or null (no answer, a proxy's page without one, or a
     * value that is not one short token of visible ASCII, which messages must not carry).
     */
    static String traceIdOf(HttpReply reply) {
        return reply == null
                ? null
                : reply.header(TRACE_ID_HEADER)
                        .filter(id -> TRACE_ID.matcher(id).matches())
                        .orElse(null);
    }

    /** The endpoint may carry a path prefix and a trailing slash. */
    private URI uriOf(String action) {
        String base = settings.endpoint().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + BASE_PATH + action);
    }

    private static ApiException unexpected(String operation, JsonNode data) {
        String text = Json.compact(data);
        return ApiException.of(
                        Kind.SERVER,
                        "Cannot " + operation + ": the server's data has an unexpected shape: " + Replies.clip(text))
                .delivery(Delivery.REJECTED)
                .httpStatus(200)
                .build();
    }

    @Override
    public void close() {
        transport.close();
    }
}
