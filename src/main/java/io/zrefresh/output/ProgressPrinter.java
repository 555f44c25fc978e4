package io.zrefresh.output;

import io.zrefresh.job.Job;
import io.zrefresh.time.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows the polls of a wait on stderr. On a terminal: one live line, redrawn in place. Elsewhere
 * (CI logs): a line when the state changes or progress moves by 10 points or more, at most one
 * per poll, never a carriage return.
 */
public abstract sealed class ProgressPrinter {

    private static final int LOG_STEP = 10;
    private static final int BAR_WIDTH = 24;

    final PrintStream err;

    private ProgressPrinter(PrintStream err) {
        this.err = err;
    }

    public static ProgressPrinter forTerminal(PrintStream err, Ansi ansi) {
        return new LiveBar(err, ansi);
    }

    public static ProgressPrinter forLog(PrintStream err) {
        return new LogLines(err);
    }

    public abstract void update(Job job, Duration waited);

    /** Ends the display (the live line gets its newline). */
    public abstract void finish();

    private static final class LiveBar extends ProgressPrinter {
        private final Ansi ansi;
        private boolean drawn;

        LiveBar(PrintStream err, Ansi ansi) {
            super(err);
            this.ansi = ansi;
        }

        @Override
        public void update(Job job, Duration waited) {
            int progress = Math.max(0, Math.min(100, job.progress()));
            int filled = progress * BAR_WIDTH / 100;
            String bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
            err.print("\r\u001b[2K" + "job " + job.id() + "  " + ansi.state(job.stateName()) + "  " + bar + " "
                    + String.format(Locale.ROOT, "%3d%%", progress) + "  " + Durations.elapsed(waited));
            err.flush();
            drawn = true;
        }

        @Override
        public void finish() {
            if (drawn) {
                err.print("\n");
                err.flush();
                drawn = false;
            }
        }
    }

    private static final class LogLines extends ProgressPrinter {
        private String lastState;
        private int lastProgress;

        LogLines(PrintStream err) {
            super(err);
        }

        @Override
        public void update(Job job, Duration waited) {
            String state = job.stateName();
            int progress = job.progress();
            if (state.equals(lastState) && Math.abs(progress - lastProgress) < LOG_STEP) {
                return;
            }
            lastState = state;
            lastProgress = progress;
            err.print("job " + job.id() + ": " + state + " " + progress + "% (waited " + Durations.elapsed(waited)
                    + ")\n");
            err.flush();
        }

        @Override
        public void finish() {
            lastState = null;
        }
    }
}
