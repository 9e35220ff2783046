package org.camelmindee.ocr.api;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * A request body held back until what must come before the upload has happened: the job journal's record that the
 * document's upload begins, so that a process killed from there on leaves that record behind. The HTTP client asks
 * for the body when it has sent the headers; the first byte of the document follows the record, on every attempt.
 */
final class UploadGate implements HttpRequest.BodyPublisher {

    private final Supplier<CompletableFuture<Void>> before;
    private final HttpRequest.BodyPublisher body;

    UploadGate(Supplier<CompletableFuture<Void>> before, HttpRequest.BodyPublisher body) {
        this.before = before;
        this.body = body;
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        CompletableFuture<Void> recorded;
        try {
            recorded = before.get();
        } catch (RuntimeException e) {
            recorded = CompletableFuture.failedFuture(e);
        }
        recorded.whenComplete((done, error) -> {
            if (error == null) {
                body.subscribe(subscriber);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            // nothing of the document has gone: the request fails before its body
            subscriber.onError(new IOException("The upload's start could not be recorded in the job journal, so the"
                                               + " document was not sent: " + cause.getMessage(), cause));
        });
    }
}
