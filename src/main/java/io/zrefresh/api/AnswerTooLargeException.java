package io.zrefresh.api;

import java.io.IOException;

/** An answer longer than zrefresh reads: the rest was left unread, so that memory cannot run out. */
public final class AnswerTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;
    private final int status;

    AnswerTooLargeException(long limit, int status) {
        super("the answer is longer than " + limit + " bytes");
        this.limit = limit;
        this.status = status;
    }

    /** The most bytes zrefresh reads of one answer. */
    public long limit() {
        return limit;
    }

    public int status() {
        return status;
    }
}
