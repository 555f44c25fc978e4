package io.zrefresh.cli;

/** The exit codes of SPEC §7; pipelines branch on them, so they never change. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int CONFIG = 3;
    public static final int AUTH = 4;
    public static final int SERVER = 5;
    public static final int NETWORK = 6;
    public static final int ACTIVE_JOB = 7;
    public static final int JOB_FAILED = 8;
    public static final int TIMEOUT = 9;
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
