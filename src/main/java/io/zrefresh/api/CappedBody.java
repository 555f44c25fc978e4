package io.zrefresh.api;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads a whole answer into memory, up to a limit: past it (or when Content-Length announces more),
 * reading stops and the body fails with {@link AnswerTooLargeException}. The body must also come
 * within the request's timeout, which the HTTP client applies to the headers only: a server that
 * stalls in the middle of an answer would otherwise hold zrefresh for ever.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long limit;
    private final Duration timeout;
    private final HttpResponse.ResponseInfo answer;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>();
    private Flow.Subscription subscription;
    private long size;

    private CappedBody(long limit, Duration timeout, HttpResponse.ResponseInfo answer) {
        this.limit = limit;
        this.timeout = timeout;
        this.answer = answer;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit, Duration timeout) {
        return answer -> new CappedBody(limit, timeout, answer);
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (answer.headers().firstValueAsLong("content-length").orElse(0) > limit) {
            tooLarge();
        } else {
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> fail(new HttpTimeoutException("the answer did not end within " + timeout)));
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            size += buffer.remaining();
        }
        if (size > limit) {
            tooLarge();
        } else {
            received.addAll(buffers);
        }
    }

    @Override
    public synchronized void onError(Throwable failure) {
        received.clear();
        body.completeExceptionally(failure);
    }

    @Override
    public synchronized void onComplete() {
        if (body.isDone()) {
            return;
        }
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (ByteBuffer buffer : received) {
            int length = buffer.remaining();
            buffer.get(bytes, at, length);
            at += length;
        }
        received.clear();
        body.complete(bytes);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private void tooLarge() {
        fail(new AnswerTooLargeException(limit, answer.statusCode()));
    }

    /** Stops reading; the first failure (or the body) wins. */
    private synchronized void fail(Exception failure) {
        if (!body.isDone()) {
            received.clear();
            subscription.cancel();
            body.completeExceptionally(failure);
        }
    }
}
