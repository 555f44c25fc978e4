package io.zrefresh.devserver;

/** What a handler does with a request: send a response, or reset the connection without answering. */
sealed interface Reply permits HttpResponse, Reply.Reset {

    Reply RESET = new Reset();

    /** Close the connection with a TCP RST and send nothing. */
    record Reset() implements Reply {}
}
