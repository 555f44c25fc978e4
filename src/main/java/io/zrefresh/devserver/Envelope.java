package io.zrefresh.devserver;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The API's JSON envelope: {@code {"code":0,"data":...}} on success, {@code {"code":N,"message":"..."}} on an error. */
final class Envelope {

    private Envelope() {}

    static HttpResponse ok(Json.Writer data) {
        return HttpResponse.json(200, 0, Json.bytes(generator -> writeOk(generator, data)));
    }

    /** Like {@link #ok}, but the data is written while the answer is sent: for lists of any size. */
    static HttpResponse streamedOk(Json.Writer data) {
        return HttpResponse.streamedJson(200, 0, out -> Json.write(out, generator -> writeOk(generator, data)));
    }

    static HttpResponse error(ApiError error) {
        byte[] body = Json.bytes(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("code", error.code());
            generator.writeStringField("message", error.getMessage());
            generator.writeEndObject();
        });
        return HttpResponse.json(error.httpStatus(), error.code(), body);
    }

    /** What the server's panic recovery answers: HTTP 500 {@code {"code":500}}. */
    static HttpResponse internalError() {
        return HttpResponse.json(500, 500, Json.bytes(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("code", 500);
            generator.writeEndObject();
        }));
    }

    private static void writeOk(JsonGenerator generator, Json.Writer data) throws IOException {
        generator.writeStartObject();
        generator.writeNumberField("code", 0);
        generator.writeFieldName("data");
        data.write(generator);
        generator.writeEndObject();
    }
}
