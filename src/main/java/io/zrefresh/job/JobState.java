package io.zrefresh.job;

/** The states of a refresh job, with their wire names. */
public enum JobState {
    PENDING("RefreshPending"),
    IN_PROGRESS("RefreshInProgress"),
    COMPLETED("RefreshCompleted"),
    FAILED("RefreshFailed"),
    /** A state this client does not know; treated as still running. */
    UNKNOWN("");

    private final String wireName;

    JobState(String wireName) {
        this.wireName = wireName;
    }

    public static JobState fromWire(String name) {
        for (JobState state : values()) {
            if (state != UNKNOWN && state.wireName.equals(name)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /** Pending or in progress: a job that blocks a new refresh of its collection. */
    public boolean isActive() {
        return this == PENDING || this == IN_PROGRESS;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }
}
