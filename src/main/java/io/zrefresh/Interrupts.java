package io.zrefresh;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C interrupts the command's thread instead of killing the JVM, so a wait can stop cleanly,
 * say that the job keeps running, and exit 130. A second Ctrl-C ends the process at once.
 */
final class Interrupts {

    private Interrupts() {}

    static void forwardTo(Thread commandThread) {
        try {
            Signal.handle(new Signal("INT"), new SignalHandler() {
                private volatile boolean interrupted;

                @Override
                public void handle(Signal signal) {
                    if (interrupted || !commandThread.isAlive()) {
                        Runtime.getRuntime().halt(130);
                    }
                    interrupted = true;
                    commandThread.interrupt();
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            // No signal support here: Ctrl-C keeps the JVM's default, ending the process with 130.
        }
    }
}
