package io.zrefresh.devserver;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The trace id the server names in {@code X-Milvus-Trace-Id}: the one of an incoming W3C traceparent, or a new one. */
final class TraceId {

    static final String HEADER = "X-Milvus-Trace-Id";

    /** version-traceid-parentid-flags; version ff and all-zero ids are invalid (W3C Trace Context). */
    private static final Pattern TRACEPARENT =
            Pattern.compile("(?!ff)[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");

    private TraceId() {}

    /** @param traceparent the request's {@code traceparent} header, or null */
    static String continuing(String traceparent) {
        if (traceparent != null) {
            Matcher valid = TRACEPARENT.matcher(traceparent.trim());
            if (valid.matches()) {
                return valid.group(1);
            }
        }
        byte[] fresh = new byte[16];
        ThreadLocalRandom.current().nextBytes(fresh);
        return HexFormat.of().formatHex(fresh);
    }
}
