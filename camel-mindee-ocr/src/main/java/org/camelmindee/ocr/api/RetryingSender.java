package org.camelmindee.ocr.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.net.ssl.SSLHandshakeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry engine: sends a request when its {@link RequestBudget} allows, and sends it again, with backoff and within
 * the caller's deadline, when that is safe. A wait is a task on the scheduler, never a blocked thread; answers continue
 * on the HTTP client's own executor.
 */
final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);
    private static final long BACKOFF_BASE_MILLIS = 500;
    private static final long BACKOFF_MAX_MILLIS = 30_000;
    private static final long MIN_REQUEST_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final ApiSettings settings;
    private final ApiStatistics statistics;
    private final Executor callbacks;
    private final Function<URI, RequestLanes> lanes;

    RetryingSender(HttpClient http, ScheduledExecutorService scheduler, ApiSettings settings, ApiStatistics statistics,
                   Function<URI, RequestLanes> lanes) {
        this.lanes = lanes;
        this.http = http;
        this.scheduler = scheduler;
        this.settings = settings;
        this.statistics = statistics;
        this.callbacks = http.executor().orElse(Runnable::run);
    }

    /**
     * Sends a request when the budget allows, retrying what is safe to retry. A GET is retried after 429, 5xx and I/O
     * errors; a POST only when no job can exist (429, or the connection was never made).
     */
    CompletableFuture<HttpResponse<byte[]>> send(Supplier<HttpRequest.Builder> request, RequestBudget budget,
                                                 boolean idempotent, long deadline, String what, String jobId,
                                                 String alias, RequestObserver observer) {
        CompletableFuture<HttpResponse<byte[]>> result = new CompletableFuture<>();
        attempt(new Call(request, budget, idempotent, deadline, what, jobId, alias, observer, result), 0);
        // the observer hears the end before the caller goes on, so a request's span ends before its parent's
        return result.whenComplete((response, error) -> observer.finished(response == null ? 0 : response.statusCode(),
                error));
    }

    private record Call(Supplier<HttpRequest.Builder> request, RequestBudget budget, boolean idempotent, long deadline,
                        String what, String jobId, String alias, RequestObserver observer,
                        CompletableFuture<HttpResponse<byte[]>> result) {
    }

    private void attempt(Call call, int attempt) {
        HttpRequest.Builder builder;
        RequestLanes lanes;
        try {
            builder = call.request.get();
            lanes = this.lanes.apply(builder.copy().build().uri());
        } catch (RuntimeException e) {
            fail(call, new MindeeOcrException("Could not build " + call.what + ": " + e.getMessage(), e));
            return;
        }
        boolean upload = !call.idempotent;
        Runnable releaseLane = () -> lanes.release(upload);
        if (upload) {
            // an upload takes its lane (waiting without a thread) before its slot of the budget, so that it goes at the
            // moment the budget counted, not after a queue of other uploads: the server counts it when it arrives
            lanes.acquire(true).thenRun(() -> {
                if (System.nanoTime() > call.deadline) {
                    // the exchange has failed at its deadline while this upload queued: no job for nobody
                    releaseLane.run();
                    fail(call, new MindeeOcrTimeoutException("The deadline passed while " + call.what
                                                             + " waited for a connection", null, call.alias));
                    return;
                }
                afterBudget(call, releaseLane, grant -> dispatch(call, attempt, builder, grant, releaseLane));
            });
        } else {
            // a GET has lanes kept for GETs, and goes first to a freed one: its wait for a lane is short
            afterBudget(call, () -> { }, grant -> lanes.acquire(false)
                    .thenRun(() -> dispatch(call, attempt, builder, grant, releaseLane)));
        }
    }

    /** Runs {@code go} at the moment the budget grants, on the scheduler; when it refuses, {@code giveUp} and fail. */
    private void afterBudget(Call call, Runnable giveUp, Consumer<RequestBudget.Grant> go) {
        // a request that may go now goes, even at the deadline: the last look at a job is worth its GET
        long asked = System.nanoTime();
        call.budget.acquire(asked, call.deadline).whenComplete((grant, refused) -> {
            if (refused != null) {
                giveUp.run();
                fail(call, new MindeeOcrTimeoutException("The deadline passes before the account's rate budget allows "
                                                         + call.what + (call.jobId == null ? "" : " of job "
                                                                                                + call.jobId),
                        call.jobId, call.alias));
                return;
            }
            call.observer.budgetWaited(Math.max(0, grant.at() - asked));
            long wait = grant.at() - System.nanoTime();
            if (wait <= 0) {
                go.accept(grant);
            } else {
                scheduler.schedule(() -> go.accept(grant), wait, TimeUnit.NANOSECONDS);
            }
        });
    }

    private void dispatch(Call call, int attempt, HttpRequest.Builder builder, RequestBudget.Grant grant,
                          Runnable releaseLane) {
        HttpRequest request;
        try {
            // a request never outlives the caller's deadline by more than the least time an answer needs
            long remaining = Math.max(MIN_REQUEST_NANOS, call.deadline - System.nanoTime());
            Duration timeout = settings.requestTimeout().compareTo(Duration.ofNanos(remaining)) < 0
                    ? settings.requestTimeout() : Duration.ofNanos(remaining);
            request = builder.timeout(timeout).build();
        } catch (RuntimeException e) {
            releaseLane.run();
            fail(call, new MindeeOcrException("Could not build " + call.what + ": " + e.getMessage(), e));
            return;
        }
        // The slot counts from the answer, the latest the server can have counted the request however late it went,
        // taken on the thread that completes it, before it queues for the callbacks. The JDK completes sendAsync on
        // CompletableFuture's default pool, which on a machine with two cores is a new thread per response: continue
        // on the client's own executor, so that routes resume on Camel's threads.
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete((response, error) -> grant.answered(System.nanoTime()))
                .whenCompleteAsync((response, error) -> {
                    releaseLane.run();
                    try {
                        if (error != null) {
                            onError(call, attempt, unwrap(error), request.uri());
                        } else {
                            onResponse(call, attempt, response);
                        }
                    } catch (RuntimeException e) {
                        fail(call, e);
                    }
                }, callbacks);
    }

    private void onResponse(Call call, int attempt, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        call.observer.answered(status);
        if (status == 429) {
            statistics.throttled.increment();
            long backoff = retryAfterNanos(response).orElse(backoffNanos(attempt));
            call.budget.pauseUntil(System.nanoTime() + backoff);
            if (retry(call, attempt, backoff, "429")) {
                return;
            }
        } else if (status >= 500 && call.idempotent && retry(call, attempt, backoffNanos(attempt),
                Integer.toString(status))) {
            return;
        }
        if (status >= 400) {
            statistics.lastError(call.what + ": HTTP " + status);
        }
        call.result.complete(response);
    }

    private void onError(Call call, int attempt, Throwable error, URI target) {
        // a refused TLS handshake sent nothing either, and trying again will not change the certificate
        boolean handshake = error instanceof SSLHandshakeException;
        boolean neverSent = handshake || error instanceof ConnectException
                            || error instanceof HttpConnectTimeoutException;
        // the server by its origin (never the path or query): Mindee's cloud, a local engine or a proxy
        String server = target.getScheme() + "://" + target.getRawAuthority();
        // the JDK's ConnectException often has no message of its own: its cause says 'Connection refused'
        Throwable described = error;
        while (described.getMessage() == null && described.getCause() != null) {
            described = described.getCause();
        }
        String cause = error.getClass().getSimpleName()
                       + (described.getMessage() == null ? "" : ": " + described.getMessage());
        if (!handshake && ((call.idempotent && error instanceof IOException) || neverSent)) {
            long backoff = backoffNanos(attempt);
            if (retry(call, attempt, backoff, error.getClass().getSimpleName())) {
                // said once a call, so that a wrong baseUrl or a server down is visible before the retries run out
                if (attempt == 0) {
                    LOG.warn("Could not reach {} for {} ({}); trying again up to {} times within the deadline"
                             + " (maxRetries)", server, call.what, cause, settings.maxRetries());
                }
                return;
            }
        }
        String reason = cause + (attempt == 0 ? "" : ", " + (attempt + 1) + " attempts");
        if (!call.idempotent && !neverSent) {
            fail(call, new MindeeOcrException(
                    "The enqueue failed after the document was sent to " + server + " (" + reason + "): Mindee may"
                    + " have created a job"
                    + (call.alias == null ? "" : " with alias '" + call.alias + "'")
                    + ". Not retried, so that a duplicate is your choice; look for the job before sending again",
                    null, null, call.alias, error));
            return;
        }
        fail(call, new MindeeOcrException("Could not reach " + server + " for " + call.what
                                          + (call.jobId == null ? "" : " of job " + call.jobId) + " (" + reason + ")"
                                          + (handshake ? ": check the server's certificate and sslContextParameters"
                                                  : ""),
                null, call.jobId, call.alias, error));
    }

    private boolean retry(Call call, int attempt, long backoffNanos, String reason) {
        if (attempt >= settings.maxRetries() || System.nanoTime() + backoffNanos >= call.deadline) {
            return false;
        }
        statistics.retries.increment();
        call.observer.retrying(reason, backoffNanos);
        scheduler.schedule(() -> attempt(call, attempt + 1), backoffNanos, TimeUnit.NANOSECONDS);
        return true;
    }

    private void fail(Call call, Throwable error) {
        statistics.lastError(error.getMessage());
        call.result.completeExceptionally(error);
    }

    /** Exponential backoff with full jitter, so that clients that failed together don't retry together. */
    static long backoffNanos(int attempt) {
        long cap = Math.min(BACKOFF_MAX_MILLIS, BACKOFF_BASE_MILLIS << Math.min(attempt, 16));
        return TimeUnit.MILLISECONDS.toNanos(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    /** Mindee sends no Retry-After, but a proxy in between may: seconds or an HTTP date. */
    static OptionalLong retryAfterNanos(HttpResponse<?> response) {
        List<String> values = response.headers().allValues("Retry-After");
        if (values.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = values.get(0).trim();
        try {
            return OptionalLong.of(TimeUnit.SECONDS.toNanos(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                long millis = Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis();
                return OptionalLong.of(TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis)));
            } catch (RuntimeException unparsable) {
                return OptionalLong.empty();
            }
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
