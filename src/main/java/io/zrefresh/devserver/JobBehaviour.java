package io.zrefresh.devserver;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the refresh jobs of a collection run besides taking the job time: whether they stop on the way, at which
 * progress, in which state and for how long. A stop moves the job's end by its length; a job that would end after
 * the server's limit of an hour fails with reason {@code timeout} at the hour, on the server's clock. Set per
 * collection with {@link DevServer#setJobBehaviour} or {@code POST /_dev/config}; jobs started afterwards follow it.
 *
 * @param state    the state reported while stopped: {@code RefreshInProgress}, or one clients do not know
 * @param progress where the job stops, 0 to 99; reported while stopped
 * @param stop     how long it stays there; zero for no stop
 */
public record JobBehaviour(String state, int progress, Duration stop) {

    private static final Set<String> TERMINAL = Set.of(JobSnapshot.COMPLETED, JobSnapshot.FAILED);

    public JobBehaviour {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stop, "stop");
        if (state.isEmpty() || TERMINAL.contains(state)) {
            throw new IllegalArgumentException(
                    "a job cannot stop in state \"" + state + "\": terminal states never change");
        }
        if (progress < 0 || progress > 99) {
            throw new IllegalArgumentException("progress must be between 0 and 99: " + progress);
        }
        if (stop.isNegative()) {
            throw new IllegalArgumentException("a stop must not be negative: " + stop);
        }
    }

    /** Pending, InProgress rising linearly, Completed at the job time: no stop. */
    public static JobBehaviour normal() {
        return new JobBehaviour(JobSnapshot.IN_PROGRESS, 0, Duration.ZERO);
    }

    /** InProgress at {@code progress}% for {@code duration}, then on to the end, as under the index-wait gate. */
    public static JobBehaviour plateau(int progress, Duration duration) {
        return new JobBehaviour(JobSnapshot.IN_PROGRESS, progress, duration);
    }

    /** InProgress at {@code progress}% until the server's limit of an hour, then RefreshFailed with reason timeout. */
    public static JobBehaviour neverFinishing(int progress) {
        return plateau(progress, ScheduledJob.TIMEOUT);
    }

    /**
     * After Pending, reports {@code state} (e.g. {@code RefreshValidating}, which clients do not know) at 0% for
     * {@code duration}, then goes on as usual.
     */
    public static JobBehaviour unknownState(String state, Duration duration) {
        if (state.equals(JobSnapshot.PENDING) || state.equals(JobSnapshot.IN_PROGRESS)) {
            throw new IllegalArgumentException(state + " is a state clients know");
        }
        return new JobBehaviour(state, 0, duration);
    }
}
