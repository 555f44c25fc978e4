package io.zrefresh.api;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The --debug trace of HTTP exchanges. The credential is never printed. */
final class ExchangeTrace {

    private static final int MAX_BODY = 4000;

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
        out.println("> " + clip(new String(body, StandardCharsets.UTF_8)));
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
