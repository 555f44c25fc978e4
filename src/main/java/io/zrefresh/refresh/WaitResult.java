package io.zrefresh.refresh;

import io.zrefresh.job.Job;

/** How a wait ended, with the job as last seen. */
public record WaitResult(Job job, Outcome outcome) {

    public enum Outcome {
        COMPLETED,
        FAILED,
        TIMED_OUT
    }
}
