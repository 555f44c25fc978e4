package io.zrefresh.cli;

/**
 * The exit code of a run that a signal stopped: 128 + the signal's number, as shells report a
 * process the signal ended (130 for Ctrl-C, 143 for SIGTERM). A signal belongs to the process, so
 * only the process's signal handler tells it (Main); runs without one (tests, embedders) keep 130.
 */
public final class Interruption {

    private static volatile int exitCode = ExitCode.INTERRUPTED;

    private Interruption() {}

    /** The signal that is stopping the process. */
    public static void bySignal(int signalNumber) {
        exitCode = 128 + signalNumber;
    }

    static int exitCode() {
        return exitCode;
    }
}
