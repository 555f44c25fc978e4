package io.zrefresh.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A JDK HttpClient pointed at a dev server, sending the bearer token unless told otherwise. */
final class ApiClient {

    /** One HTTP answer, body as text. */
    record Answer(int status, String contentType, String body, HttpHeaders headers) {

        JsonNode json() {
            try {
                return JsonCodec.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        int code() {
            return json().get("code").intValue();
        }

        String message() {
            return json().get("message").textValue();
        }

        JsonNode data() {
            return json().get("data");
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String token;

    ApiClient(DevServer server, String token) {
        this(
                server,
                token,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    ApiClient(DevServer server, String token, HttpClient http) {
        this.http = http;
        this.base = server.url();
        this.token = token;
    }

    Answer refresh(String body) throws IOException, InterruptedException {
        return post(Endpoint.REFRESH.path(), body);
    }

    Answer describe(String body) throws IOException, InterruptedException {
        return post(Endpoint.DESCRIBE.path(), body);
    }

    Answer describe(long jobId) throws IOException, InterruptedException {
        return describe("{\"jobId\":" + jobId + "}");
    }

    Answer list(String body) throws IOException, InterruptedException {
        return post(Endpoint.LIST.path(), body);
    }

    /** Starts a refresh of a default-database collection and returns its job id. */
    long startRefresh(String collection) throws IOException, InterruptedException {
        Answer answer = refresh("{\"collectionName\":\"" + collection + "\"}");
        if (answer.code() != 0) {
            throw new AssertionError("refresh of " + collection + " failed: " + answer.body());
        }
        return answer.data().get("jobId").longValue();
    }

    Answer post(String path, String body, String... headerPairs) throws IOException, InterruptedException {
        return send(request(path, headerPairs).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpRequest.Builder request(String path, String... headerPairs) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (headerPairs.length > 0) {
            builder.headers(headerPairs);
        }
        return builder;
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body(),
                response.headers());
    }
}
