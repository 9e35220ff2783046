package org.camelmindee.ocr.local.jobs;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;

/**
 * Fetches a {@code url} input, only when the server was told to: no redirects followed (as Mindee), a size cap, and
 * one deadline for the whole download, body included: a server sending one byte a second is cut off at the deadline
 * (the JDK client's request timeout stops at the headers). Runs on an OCR worker, never on a request thread.
 */
final class UrlDownloader {

    /** The whole download, from the request to the body's last byte. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final long maxBytes;
    private final Duration deadline;

    UrlDownloader(long maxBytes) {
        this(maxBytes, DEADLINE);
    }

    UrlDownloader(long maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    byte[] download(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(deadline).GET()
                .header("User-Agent", WebhookDispatcher.USER_AGENT).build();
        CompletableFuture<HttpResponse<byte[]>> download = client.sendAsync(request, this::capped);
        try {
            HttpResponse<byte[]> response = download.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 != 2) {
                throw new ProblemException(Problems.urlDownloadFailed("Downloading the URL answered HTTP "
                        + response.statusCode() + " (redirects are not followed)."));
            }
            return response.body();
        } catch (TimeoutException e) {
            download.cancel(true); // closes the connection
            throw new ProblemException(Problems.urlDownloadFailed("The download did not finish within "
                    + deadline.toSeconds() + " seconds."));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            throw new ProblemException(Problems.urlDownloadFailed("The URL could not be downloaded: "
                    + e.getCause().getClass().getSimpleName()));
        } catch (InterruptedException e) {
            download.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProblemException(Problems.urlDownloadFailed("The download was interrupted."));
        }
    }

    // a non-2xx body is not kept; a 2xx body past the size cap ends the download
    private HttpResponse.BodySubscriber<byte[]> capped(HttpResponse.ResponseInfo info) {
        if (info.statusCode() / 100 != 2) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        return new CappedBody(maxBytes);
    }

    /** Collects the body up to {@code max} bytes; one more fails the download with a 422 problem. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    body.completeExceptionally(new ProblemException(Problems.urlDownloadFailed(
                            "The file at the URL is larger than " + max + " bytes.")));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
