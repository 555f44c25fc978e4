package io.zrefresh.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 45}. */
public final class Durations {

    private static final Pattern BARE_SECONDS = Pattern.compile("\\d+");
    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private Durations() {}

    /**
     * Parses a duration; a bare number is seconds.
     *
     * @throws IllegalArgumentException with a sentence for the user
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim();
        if (BARE_SECONDS.matcher(value).matches()) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher units = UNITS.matcher(value);
        if (value.isEmpty() || !units.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration (examples: 500ms, 30s, 5m, 1h30m, or seconds as a number)");
        }
        Duration total = Duration.ZERO;
        total = total.plusHours(number(units.group(1)));
        total = total.plusMinutes(number(units.group(2)));
        total = total.plusSeconds(number(units.group(3)));
        return total.plusMillis(number(units.group(4)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** The short form used in messages: 500ms, 30s, 2m, 1h30m. */
    public static String brief(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || text.length() == 0) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }

    /** The fixed form of the table's DURATION column: 42s, 1m05s, 2h03m09s. */
    public static String elapsed(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
