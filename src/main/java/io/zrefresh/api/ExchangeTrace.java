package io.zrefresh.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zrefresh.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The --debug trace of HTTP exchanges. The credential is never printed, nor the secrets of an
 * external spec (masked as the server masks them when it echoes a spec).
 */
final class ExchangeTrace {

    private static final int MAX_BODY = 4000;

    private static final String MASK = "***";

    /** Spec keys that hold credentials (secret_access_key, password, token, ...), by the words in their names. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|passw|token|credential|key).*");

    /** Keys with those words whose values are not secret: an access key's id names it, like a user name. */
    private static final Set<String> PUBLIC_NAMES = Set.of("access_key_id", "accesskeyid", "key_id");

    private final PrintStream out;

    ExchangeTrace(PrintStream out) {
        this.out = out;
    }

    void request(URI uri, Map<String, String> headers, byte[] body, int attempt) {
        if (out == null) {
            return;
        }
        out.println("> POST " + uri + (attempt > 1 ? "  (attempt " + attempt + ")" : ""));
        headers.forEach((name, value) ->
                out.println("> " + name + ": " + ("Authorization".equalsIgnoreCase(name) ? "Bearer ***" : value)));
        out.println("> " + clip(masked(body)));
    }

    /** The request body with the secrets of its externalSpec (a JSON object sent as a string) masked. */
    static String masked(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode request = Json.parse(body);
            JsonNode spec = request.path("externalSpec");
            if (!spec.isTextual()) {
                return text;
            }
            JsonNode specObject = Json.parse(spec.asText());
            maskSecrets(specObject);
            ((ObjectNode) request).put("externalSpec", Json.compact(specObject));
            return Json.compact(request);
        } catch (IOException | ClassCastException notTheRequestsJson) {
            // Bodies are ours and compact JSON; anything else is shown as it is.
            return text;
        }
    }

    private static void maskSecrets(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (SECRET_NAME.matcher(name).matches() && !PUBLIC_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                    object.put(name, MASK);
                } else {
                    maskSecrets(object.get(name));
                }
            }
        } else if (node.isArray()) {
            node.forEach(ExchangeTrace::maskSecrets);
        }
    }

    void reply(HttpReply reply, Duration took) {
        if (out == null) {
            return;
        }
        String traceId = RefreshApi.traceIdOf(reply);
        out.println("< HTTP " + reply.status() + " (" + took.toMillis() + " ms"
                + (traceId == null ? "" : ", trace id " + traceId) + ")");
        reply.headers().forEach((name, values) -> out.println("< " + name + ": " + String.join(", ", values)));
        out.println("< " + clip(reply.bodyText(MAX_BODY + 1))
                + (reply.body().length > MAX_BODY ? " (" + reply.body().length + " bytes)" : ""));
    }

    void failure(Exception error, Duration took) {
        if (out != null) {
            out.println("< no answer after " + took.toMillis() + " ms: " + error);
        }
    }

    void retry(Duration pause, String why) {
        if (out != null) {
            out.println("* retrying in " + pause.toMillis() + " ms: " + why);
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY) + "…";
    }
}
