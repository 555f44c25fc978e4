package io.zrefresh.output;

import io.zrefresh.job.Job;
import io.zrefresh.time.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Shows the polls of a wait on stderr, one job or several at once. On a terminal: one live line
 * per job, redrawn in place and fitted to the terminal's width. Elsewhere (CI logs): a line when a
 * job's state changes or its progress moves by 10 points or more, at most one per poll, never a
 * carriage return. Server text (state, collection) is shown through {@link SafeText}.
 */
public abstract sealed class ProgressPrinter {

    private static final int LOG_STEP = 10;
    private static final int BAR_WIDTH = 24;
    /** Narrower than this, a bar says too little to be worth its room. */
    private static final int MIN_BAR_WIDTH = 5;
    /** When the terminal does not say how wide it is. */
    private static final int DEFAULT_WIDTH = 80;

    final PrintStream err;
    /** Several jobs at once: each line starts with its collection. */
    private final boolean showCollection;

    private ProgressPrinter(PrintStream err, boolean showCollection) {
        this.err = err;
        this.showCollection = showCollection;
    }

    /**
     * @param width       the terminal's width in columns (asked at each redraw; 0 or less when unknown)
     * @param severalJobs several jobs are followed at once: each line names its collection
     */
    public static ProgressPrinter forTerminal(PrintStream err, Ansi ansi, IntSupplier width, boolean severalJobs) {
        return new LiveLines(err, ansi, width, severalJobs);
    }

    /** @param severalJobs several jobs are followed at once: each line names its collection */
    public static ProgressPrinter forLog(PrintStream err, boolean severalJobs) {
        return new LogLines(err, severalJobs);
    }

    /** Shows nothing (a watched list prints its own lines). */
    public static ProgressPrinter silent() {
        return new Silent();
    }

    public abstract void update(Job job, Duration waited);

    /** Ends the display (the live lines get their newline); the next update starts afresh. */
    public abstract void finish();

    /** {@code job N}, after the collection when several jobs are shown. */
    String who(Job job) {
        return label(job) + "job " + job.id();
    }

    /** The collection and a gap when several jobs are shown, else nothing. */
    String label(Job job) {
        return showCollection ? SafeText.escape(job.collectionName()) + "  " : "";
    }

    private static final class LiveLines extends ProgressPrinter {
        private final Ansi ansi;
        private final IntSupplier width;
        /** The line of each job shown, by job id, in the order they came. */
        private final Map<String, String> lines = new LinkedHashMap<>();
        /** How many lines are on screen (the cursor is at the end of the last). */
        private int drawn;

        LiveLines(PrintStream err, Ansi ansi, IntSupplier width, boolean severalJobs) {
            super(err, severalJobs);
            this.ansi = ansi;
            this.width = width;
        }

        @Override
        public void update(Job job, Duration waited) {
            lines.put(job.id().toString(), line(job, waited));
            StringBuilder screen = new StringBuilder("\r");
            if (drawn > 1) {
                screen.append("\u001b[").append(drawn - 1).append('A');
            }
            int index = 0;
            for (String line : lines.values()) {
                screen.append("\u001b[2K").append(line);
                if (++index < lines.size()) {
                    screen.append('\n');
                }
            }
            drawn = lines.size();
            err.print(screen);
            err.flush();
        }

        /**
         * {@code job N  STATE  ██████░░░░  42%  1m05s}, narrower when the terminal is: the bar
         * shrinks and goes, then the job id, then the time, and last the label is cut, so that
         * state and percentage stay in sight. The last column stays free, since a line that fills
         * it wraps on some terminals and a redraw would leave a trail of lines.
         */
        private String line(Job job, Duration waited) {
            int columns = width.getAsInt();
            int room = (columns > 0 ? columns : DEFAULT_WIDTH) - 1;
            int progress = Math.max(0, Math.min(100, job.progress()));
            String state = SafeText.escape(job.stateName());
            String percent = String.format(Locale.ROOT, "%3d%%", progress);
            String elapsed = Durations.elapsed(waited);
            String head = who(job) + "  ";
            int bar = Math.min(BAR_WIDTH, room - DisplayWidth.of(head + state + "  " + " " + percent + "  " + elapsed));
            if (bar >= MIN_BAR_WIDTH) {
                int filled = progress * bar / 100;
                return head + ansi.state(state) + "  " + "█".repeat(filled) + "░".repeat(bar - filled) + " " + percent
                        + "  " + elapsed;
            }
            String label = label(job);
            for (String[] parts : List.of(
                    new String[] {head, "  " + percent.trim() + "  " + elapsed},
                    new String[] {label, "  " + percent.trim() + "  " + elapsed},
                    new String[] {label, "  " + percent.trim()})) {
                if (DisplayWidth.of(parts[0] + state + parts[1]) <= room) {
                    return parts[0] + ansi.state(state) + parts[1];
                }
            }
            String rest = state + "  " + percent.trim();
            int labelRoom = room - DisplayWidth.of(rest) - 1;
            if (labelRoom < 1 || label.isEmpty()) {
                return DisplayWidth.cut(rest, room);
            }
            return DisplayWidth.cut(label, labelRoom) + " " + ansi.state(state) + "  " + percent.trim();
        }

        @Override
        public void finish() {
            if (drawn > 0) {
                err.print("\n");
                err.flush();
            }
            drawn = 0;
            lines.clear();
        }
    }

    private static final class LogLines extends ProgressPrinter {
        /** What was last printed of each job, by job id. */
        private final Map<String, String> lastState = new HashMap<>();

        private final Map<String, Integer> lastProgress = new HashMap<>();

        LogLines(PrintStream err, boolean severalJobs) {
            super(err, severalJobs);
        }

        @Override
        public void update(Job job, Duration waited) {
            String key = job.id().toString();
            String state = job.stateName();
            int progress = job.progress();
            if (state.equals(lastState.get(key)) && Math.abs(progress - lastProgress.get(key)) < LOG_STEP) {
                return;
            }
            lastState.put(key, state);
            lastProgress.put(key, progress);
            err.print(who(job) + ": " + SafeText.escape(state) + " " + progress + "% (waited "
                    + Durations.elapsed(waited) + ")\n");
            err.flush();
        }

        @Override
        public void finish() {
            lastState.clear();
            lastProgress.clear();
        }
    }

    private static final class Silent extends ProgressPrinter {
        Silent() {
            super(null, false);
        }

        @Override
        public void update(Job job, Duration waited) {}

        @Override
        public void finish() {}
    }
}
