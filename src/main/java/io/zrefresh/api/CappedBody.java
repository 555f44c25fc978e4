package io.zrefresh.api;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a whole answer into memory, up to a limit: past it (or when Content-Length announces more),
 * reading stops and the body fails with {@link AnswerTooLargeException}.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long limit;
    private final HttpResponse.ResponseInfo answer;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>();
    private Flow.Subscription subscription;
    private long size;

    private CappedBody(long limit, HttpResponse.ResponseInfo answer) {
        this.limit = limit;
        this.answer = answer;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return answer -> new CappedBody(limit, answer);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (answer.headers().firstValueAsLong("content-length").orElse(0) > limit) {
            tooLarge();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
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
    public void onError(Throwable failure) {
        received.clear();
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
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
        received.clear();
        subscription.cancel();
        body.completeExceptionally(new AnswerTooLargeException(limit, answer.statusCode()));
    }
}
