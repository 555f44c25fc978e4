package io.zrefresh.cli;

import io.zrefresh.job.JobId;

/**
 * A non-zero outcome as the user is told of it: one sentence on stderr, and with -o json one
 * JSON line as well.
 *
 * @param serverCode  the server's code when it gave one, else null
 * @param activeJobId the job that blocks a trigger (exit 7 only), else null
 * @param traceId     the server's trace id of the answer that told of it, else null
 */
public record Problem(int exitCode, String message, Integer serverCode, JobId activeJobId, String traceId) {

    public Problem(int exitCode, String message, Integer serverCode, JobId activeJobId) {
        this(exitCode, message, serverCode, activeJobId, null);
    }

    public static Problem of(int exitCode, String message) {
        return new Problem(exitCode, message, null, null);
    }
}
