package io.zrefresh.devserver;

/** What a handler does with a request: send a response, or close the connection without answering. */
sealed interface Reply permits Response, Reply.NoAnswer {

    Reply NO_ANSWER = new NoAnswer();

    /** Close the connection and send nothing: the client sees it end before an answer came. */
    record NoAnswer() implements Reply {}
}
