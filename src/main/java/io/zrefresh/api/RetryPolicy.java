package io.zrefresh.api;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed call again: exponential backoff with jitter, or exactly what the server's
 * Retry-After asked for. A Retry-After longer than {@link #MAX_RETRY_AFTER} ends the retries: a
 * pipeline step should fail with a clear message rather than hang for an hour.
 */
public final class RetryPolicy {

    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Duration FIRST_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);

    private final int attempts;
    private final DoubleSupplier random;

    /**
     * @param attempts total attempts, at least 1
     * @param random   numbers in [0, 1) for the jitter
     */
    public RetryPolicy(int attempts, DoubleSupplier random) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.random = random;
    }

    /**
     * The pause before attempt {@code next} (2 for the first retry), or empty when the failure
     * must be reported instead.
     */
    public Optional<Duration> delayBefore(int next, ApiException failure, boolean safeToRepeat) {
        if (next > attempts || !failure.isTransient() || !safeToRepeat) {
            return Optional.empty();
        }
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isPresent()) {
            return asked.get().compareTo(MAX_RETRY_AFTER) > 0 ? Optional.empty() : asked;
        }
        long ceiling = Math.min(MAX_DELAY.toMillis(), FIRST_DELAY.toMillis() << Math.min(next - 2, 16));
        // "Equal jitter": at least half the backoff, so retries never come in a burst.
        long millis = ceiling / 2 + (long) (random.getAsDouble() * (ceiling / 2.0));
        return Optional.of(Duration.ofMillis(millis));
    }
}
