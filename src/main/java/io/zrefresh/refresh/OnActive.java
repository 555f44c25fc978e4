package io.zrefresh.refresh;

import java.util.Locale;

/** What trigger does when a job of the collection is already pending or running. */
public enum OnActive {
    /** Send nothing and report the active job (exit 7). */
    FAIL,
    /** Wait for the active job to end, then trigger. */
    WAIT,
    /** Send nothing and treat the active job as the result. */
    SKIP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
