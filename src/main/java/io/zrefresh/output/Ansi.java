package io.zrefresh.output;

import io.zrefresh.job.JobState;

/** ANSI colours, or none. */
public final class Ansi {

    private final boolean enabled;

    public Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    public String state(String stateName) {
        return switch (JobState.fromWire(stateName)) {
            case COMPLETED -> paint("32", stateName);
            case FAILED -> paint("31", stateName);
            case IN_PROGRESS -> paint("33", stateName);
            case PENDING -> paint("36", stateName);
            case UNKNOWN -> stateName;
        };
    }

    public String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return enabled && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
