package io.zrefresh.devserver;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** One line per request on the dev server's log stream: {@code method path status code=N (ms)}. Silent without a stream. */
final class RequestLog {

    private final PrintStream out;

    RequestLog(PrintStream out) {
        this.out = out;
    }

    void answered(Request request, Response response, long startNanos) {
        String code = response.apiCode() == null ? "" : " code=" + response.apiCode();
        line(request, response.status() + code, startNanos);
    }

    void noAnswer(Request request, long startNanos) {
        line(request, "closed without an answer", startNanos);
    }

    /** A bug in the simulator itself: the client gets a 500, the log gets the cause. */
    void failed(Request request, RuntimeException error) {
        if (out != null) {
            out.println(request.method() + " " + request.path() + " failed: " + error);
        }
    }

    private void line(Request request, String outcome, long startNanos) {
        if (out != null) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            out.println(request.method() + " " + request.path() + " " + outcome + " (" + millis + " ms)");
        }
    }
}
