package io.zrefresh.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.zrefresh.api.ApiException.Delivery;
import io.zrefresh.api.ApiException.Kind;
import io.zrefresh.json.Json;
import io.zrefresh.time.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Turns an HTTP answer into the envelope's {@code data}, or into an {@link ApiException} that says
 * what went wrong in words a user can act on. The rules follow contract.md: business errors are
 * HTTP 200 with a code, 401/403/408/500 carry a JSON envelope, anything else is a proxy or an old
 * data plane.
 */
final class Replies {

    static final int CODE_RATE_LIMITED = 1807;
    private static final Set<Integer> AUTH_CODES = Set.of(1800, 80001);
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 502, 503, 504);
    private static final int BODY_EXCERPT = 200;

    private final Clock clock;

    Replies(Clock clock) {
        this.clock = clock;
    }

    /** The envelope's code and message, read without building its data (a list may be 30 MB). */
    private record Head(int code, String message) {}

    /**
     * The body of a successful answer (HTTP 200, code 0), whose JSON has been checked to be
     * well-formed; otherwise the failure, classified.
     */
    byte[] successBody(HttpReply reply) throws ApiException {
        int status = reply.status();
        if (status >= 300 && status < 400) {
            throw redirect(reply);
        }
        Head envelope = scanEnvelope(reply.body());
        if (envelope == null) {
            throw notAnEnvelope(reply);
        }
        int code = envelope.code();
        String message = envelope.message();
        if (status == 401 || status == 403 || AUTH_CODES.contains(code)) {
            String what = status == 403 ? "permission denied" : "authentication failed";
            throw ApiException.of(
                            Kind.AUTH,
                            what + ": " + describeCode(message, code, status)
                                    + "; check the API key (ZILLIZ_API_KEY or the credentials file)")
                    .delivery(Delivery.NOT_PROCESSED)
                    .server(code, message)
                    .httpStatus(status)
                    .build();
        }
        if (status == 200 && code == 0) {
            return reply.body();
        }
        ApiException.Builder error = ApiException.of(Kind.SERVER, describeCode(message, code, status))
                .server(code, message)
                .httpStatus(status);
        if (code == CODE_RATE_LIMITED || status == 429) {
            return throwing(
                    error.transientFailure().delivery(Delivery.NOT_PROCESSED).retryAfter(retryAfter(reply)));
        }
        if (status == 200) {
            return throwing(error.delivery(Delivery.REJECTED));
        }
        if (TRANSIENT_STATUSES.contains(status)) {
            error.transientFailure().retryAfter(retryAfter(reply));
        }
        return throwing(error.delivery(Delivery.UNKNOWN));
    }

    ApiException noAnswer(IOException failure, URI uri, Duration timeout) {
        String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (failure instanceof HttpConnectTimeoutException) {
            return network("could not connect to " + where + " (connect timed out)", failure, Delivery.NOT_PROCESSED);
        }
        if (failure instanceof HttpTimeoutException) {
            return network(
                    "no answer from " + where + " within " + Durations.brief(timeout)
                            + " (raise it with --request-timeout)",
                    failure,
                    Delivery.UNKNOWN);
        }
        if (failure instanceof ConnectException) {
            String reason =
                    failure.getCause() instanceof UnresolvedAddressException ? "unknown host" : "connection refused";
            return network("could not connect to " + where + " (" + reason + ")", failure, Delivery.NOT_PROCESSED);
        }
        if (failure instanceof SSLException) {
            return ApiException.of(Kind.NETWORK, "TLS handshake with " + where + " failed: " + failure.getMessage())
                    .cause(failure)
                    .delivery(Delivery.NOT_PROCESSED)
                    .build();
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return network(
                "the connection to " + where + " ended before an answer came (" + detail + ")",
                failure,
                Delivery.UNKNOWN);
    }

    /** An answer longer than zrefresh reads: not worth asking again, since it would be as long. */
    ApiException tooLarge(AnswerTooLargeException tooLarge) {
        long mib = tooLarge.limit() >> 20;
        String heap = tooLarge.limit() < JdkHttpTransport.MAX_ANSWER_CEILING
                ? " (a third of its heap; with the JVM launcher, ZREFRESH_JAVA_OPTS=-Xmx1g raises it)"
                : "";
        return ApiException.of(
                        Kind.SERVER,
                        "the server's answer (HTTP " + tooLarge.status() + ") is longer than " + mib
                                + " MiB, the most zrefresh reads" + heap + "; ask for less, e.g. list --name")
                .cause(tooLarge)
                .delivery(Delivery.UNKNOWN)
                .httpStatus(tooLarge.status())
                .build();
    }

    /**
     * Redirects are never followed (the key would go along to wherever they point), but the user
     * is told where the server pointed, to fix the endpoint if that is the right place.
     */
    private static ApiException redirect(HttpReply reply) {
        String location = reply.header("location")
                .map(value -> "to " + clip(value.trim()))
                .orElse("without saying where to");
        return ApiException.of(
                        Kind.SERVER,
                        "the server answered with a redirect (HTTP " + reply.status() + ") " + location
                                + "; zrefresh does not follow redirects, so that the API key goes nowhere else:"
                                + " if that is the right server, make it the endpoint")
                .delivery(Delivery.NOT_PROCESSED)
                .httpStatus(reply.status())
                .build();
    }

    private static ApiException network(String message, IOException cause, Delivery delivery) {
        return ApiException.of(Kind.NETWORK, message)
                .cause(cause)
                .delivery(delivery)
                .transientFailure()
                .build();
    }

    private static byte[] throwing(ApiException.Builder error) throws ApiException {
        throw error.build();
    }

    /** The envelope's head when the body is one well-formed JSON object with an integer code, else null. */
    private static Head scanEnvelope(byte[] body) {
        try (JsonParser parser = Json.factory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Integer code = null;
            String message = "";
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("code") && value == JsonToken.VALUE_NUMBER_INT) {
                    code = parser.getIntValue();
                } else if (field.equals("message") && value == JsonToken.VALUE_STRING) {
                    message = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return code != null && parser.nextToken() == null ? new Head(code, message) : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private ApiException notAnEnvelope(HttpReply reply) {
        int status = reply.status();
        ApiException.Builder error;
        if (status == 404) {
            error = ApiException.of(
                            Kind.SERVER,
                            "the server has no such endpoint (HTTP 404: " + excerpt(reply)
                                    + "); its data plane predates external-collection refresh jobs, so upgrade the cluster"
                                    + " (or check that the endpoint URL is the cluster's)")
                    .delivery(Delivery.NOT_PROCESSED);
        } else {
            error = ApiException.of(
                            Kind.SERVER,
                            "the server answered HTTP " + status + " with " + reply.contentType()
                                    + " that is not the API's JSON: \"" + excerpt(reply) + "\"")
                    .delivery(Delivery.UNKNOWN);
        }
        if (TRANSIENT_STATUSES.contains(status)) {
            error.transientFailure().retryAfter(retryAfter(reply));
            if (status == 429) {
                error.delivery(Delivery.NOT_PROCESSED);
            }
        }
        return error.httpStatus(status).build();
    }

    private static String describeCode(String message, int code, int status) {
        String text = message.isEmpty() ? "no message" : message;
        return text + " (" + (status != 200 ? "HTTP " + status + ", " : "") + "server code " + code + ")";
    }

    private static String excerpt(HttpReply reply) {
        return clip(reply.bodyText(BODY_EXCERPT * 4).replaceAll("\\s+", " ").trim());
    }

    /** At most 200 characters of the text, then an ellipsis. */
    static String clip(String text) {
        return text.length() <= BODY_EXCERPT ? text : text.substring(0, BODY_EXCERPT) + "…";
    }

    private Duration retryAfter(HttpReply reply) {
        String value = reply.header("retry-after").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
