package io.zrefresh;

import io.zrefresh.cli.Interruption;
import java.time.Duration;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM interrupt the command's thread instead of killing the JVM, so a wait
 * can stop cleanly, say that the job keeps running, and exit 130 or 143. A second signal ends the
 * process at once; so does a SIGTERM whose command has not ended after a short grace (a shell at
 * its prompt does not end on an interrupt).
 */
final class Interrupts {

    private static final Duration TERMINATION_GRACE = Duration.ofSeconds(5);

    private Interrupts() {}

    static void forwardTo(Thread commandThread) {
        SignalHandler handler = new SignalHandler() {
            private volatile boolean interrupted;

            @Override
            public void handle(Signal signal) {
                int exitCode = 128 + signal.getNumber();
                if (interrupted || !commandThread.isAlive()) {
                    Runtime.getRuntime().halt(exitCode);
                }
                interrupted = true;
                Interruption.bySignal(signal.getNumber());
                commandThread.interrupt();
                if (signal.getName().equals("TERM")) {
                    exitAfterGrace(commandThread, exitCode);
                }
            }
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                // No handling of this signal here: it keeps the JVM's default, ending the process with 128 + its
                // number.
            }
        }
    }

    private static void exitAfterGrace(Thread commandThread, int exitCode) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        commandThread.join(TERMINATION_GRACE.toMillis());
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                    }
                    Runtime.getRuntime().exit(exitCode);
                },
                "zrefresh-termination");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
