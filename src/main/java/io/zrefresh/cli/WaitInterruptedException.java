package io.zrefresh.cli;

import io.zrefresh.job.JobId;

/** Ctrl-C while waiting for a job: the job goes on, and the user is told how to follow it. */
final class WaitInterruptedException extends Exception {

    private static final long serialVersionUID = 1L;

    WaitInterruptedException(JobId jobId) {
        super("Interrupted; job " + jobId + " keeps running on the server. Follow it with: zrefresh wait --job-id "
                + jobId);
    }
}
