package io.zrefresh.devserver;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The API's JSON envelope: {@code {"code":0,"data":...}} on success, {@code {"code":N,"message":"..."}} on an error. */
final class Envelope {

    private Envelope() {}

    static Response ok(JsonCodec.Writer data) {
        return Response.json(200, 0, JsonCodec.bytes(generator -> writeOk(generator, data)));
    }

    /** Like {@link #ok}, but the data is written while the answer is sent: for lists of any size. */
    static Response streamedOk(JsonCodec.Writer data) {
        return Response.streamedJson(200, 0, out -> JsonCodec.write(out, generator -> writeOk(generator, data)));
    }

    /** @param standardStatus answer the natural HTTP status of the code instead of the server's usual one (mostly 200) */
    static Response error(ApiError error, boolean standardStatus) {
        byte[] body = JsonCodec.bytes(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("code", error.code());
            generator.writeStringField("message", error.getMessage());
            generator.writeEndObject();
        });
        return Response.json(standardStatus ? error.standardHttpStatus() : error.httpStatus(), error.code(), body);
    }

    /** What the server's panic recovery answers: HTTP 500 {@code {"code":500}}. */
    static Response internalError() {
        return Response.json(500, 500, JsonCodec.bytes(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("code", 500);
            generator.writeEndObject();
        }));
    }

    private static void writeOk(JsonGenerator generator, JsonCodec.Writer data) throws IOException {
        generator.writeStartObject();
        generator.writeNumberField("code", 0);
        generator.writeFieldName("data");
        data.write(generator);
        generator.writeEndObject();
    }
}
