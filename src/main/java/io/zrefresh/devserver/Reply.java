package io.zrefresh.devserver;

/** What a handler does with a request: send a response, or close the connection without answering. */
sealed interface Reply permits Response, Reply.NoAnswer {

    Reply NO_ANSWER = new NoAnswer();

    /**
     * Close the connection and send nothing: the client sees it end before an answer came. The JDK's server cannot
     * send a TCP RST, and no raw socket is kept for one: HTTP clients (the JDK's among them) fail the same way on
     * both, with an I/O error and no answer.
     */
    record NoAnswer() implements Reply {}
}
