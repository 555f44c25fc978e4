package io.zrefresh.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.api.HttpReply;
import io.zrefresh.api.Transport;
import io.zrefresh.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A transport that answers from a script and records what was sent. */
public final class ScriptedTransport implements Transport {

    /** One request as sent. */
    public record Sent(URI uri, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return Json.parse(body);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        public String action() {
            String path = uri.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private interface Step {
        HttpReply answer() throws IOException;
    }

    private final Deque<Step> script = new ArrayDeque<>();
    public final List<Sent> sent = new ArrayList<>();

    public ScriptedTransport reply(int status, String contentType, String body, String... headerPairs) {
        Map<String, List<String>> headers = new TreeMap<>();
        headers.put("content-type", List.of(contentType));
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i].toLowerCase(Locale.ROOT), List.of(headerPairs[i + 1]));
        }
        script.add(() -> new HttpReply(status, headers, body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public ScriptedTransport ok(String dataJson) {
        return reply(200, "application/json; charset=utf-8", "{\"code\":0,\"data\":" + dataJson + "}");
    }

    public ScriptedTransport error(int code, String message) {
        return reply(200, "application/json; charset=utf-8", "{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    public ScriptedTransport fail(IOException failure) {
        script.add(() -> {
            throw failure;
        });
        return this;
    }

    @Override
    public HttpReply post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        sent.add(new Sent(uri, Map.copyOf(headers), new String(body, StandardCharsets.UTF_8)));
        Step step = script.poll();
        if (step == null) {
            throw new AssertionError("unexpected request " + uri + " " + new String(body, StandardCharsets.UTF_8));
        }
        return step.answer();
    }

    public List<String> actions() {
        return sent.stream().map(Sent::action).toList();
    }
}
