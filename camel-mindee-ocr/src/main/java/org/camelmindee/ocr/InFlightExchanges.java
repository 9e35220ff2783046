package org.camelmindee.ocr;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.api.MindeeOcrTimeoutException;
import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.poll.JobWaiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's exchanges in flight and their deadlines. Each settles once: by its outcome, by its deadline (whatever
 * the network does), or when the producer stops; what arrives after that is dropped.
 */
final class InFlightExchanges {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightExchanges.class);

    /** A last answer may arrive just after the deadline's final poll; past this, the exchange fails regardless. */
    private static final long DEADLINE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Set<Flight> flights = ConcurrentHashMap.newKeySet();

    /** One exchange in flight. */
    final class Flight {

        private final Exchange exchange;
        private final AsyncCallback callback;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final long startedAt = System.nanoTime();
        private volatile Job job;
        private volatile JobWaiter waiter;
        private volatile ScheduledFuture<?> guard;
        /** The configured pollTimeout, named in the timeout's message beside the time waited. */
        private volatile long timeoutMillis;

        private Flight(Exchange exchange, AsyncCallback callback) {
            this.exchange = exchange;
            this.callback = callback;
        }

        /** The job, once enqueued: a timeout or a stop names it. */
        void job(Job job) {
            this.job = job;
        }

        /** The wait for the job, aborted when the exchange settles otherwise. */
        void waiter(JobWaiter waiter) {
            this.waiter = waiter;
        }

        /** Applies the outcome to the exchange, or fails it with {@code error}, and calls back; only the first time. */
        void settle(Consumer<Message> apply, Throwable error) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            flights.remove(this);
            ScheduledFuture<?> timer = guard;
            if (timer != null) {
                timer.cancel(false);
            }
            Throwable cause = error == null ? null : unwrap(error);
            JobWaiter w = waiter;
            if (w != null && cause != null) {
                w.abort(cause instanceof MindeeOcrException e ? e : new MindeeOcrException(cause.getMessage(), cause));
            }
            if (cause != null) {
                if (job != null) {
                    // so that an error handler can still fetch the job
                    exchange.getMessage().setHeader(MindeeOcrConstants.JOB_ID, job.id());
                }
                exchange.setException(cause);
            } else {
                apply.accept(exchange.getMessage());
            }
            callback.done(false);
        }

        private MindeeOcrTimeoutException timeout() {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
            Job j = job;
            return j == null
                    ? new MindeeOcrTimeoutException("No answer within pollTimeout (" + timeoutMillis + " ms; waited "
                                                    + millis + " ms) while sending the document", null, null)
                    : new MindeeOcrTimeoutException("Job " + j.id() + " was not done within pollTimeout ("
                                                    + timeoutMillis + " ms; waited " + millis
                                                    + " ms); it may still finish: fetch it with getJob and header"
                                                    + " CamelMindeeOcrJobId=" + j.id(), j.id(), j.alias());
        }
    }

    /** A flight for an exchange whose work has not started yet; {@link #watch} starts its deadline. */
    Flight open(Exchange exchange, AsyncCallback callback) {
        return new Flight(exchange, callback);
    }

    /**
     * Holds the flight until it settles: past the deadline (and a little grace for a last answer) it fails with the
     * job's id.
     */
    void watch(Flight flight, long deadline, long timeoutMillis, ScheduledExecutorService scheduler) {
        flight.timeoutMillis = timeoutMillis;
        flights.add(flight);
        flight.guard = scheduler.schedule(() -> flight.settle(null, flight.timeout()),
                deadline - System.nanoTime() + DEADLINE_GRACE_NANOS, TimeUnit.NANOSECONDS);
    }

    /** The ids of the jobs waited for. */
    List<String> jobIds() {
        return flights.stream().map(f -> f.job).filter(Objects::nonNull).map(Job::id).toList();
    }

    /**
     * Fails every exchange still in flight, naming its job, so that a file consumer keeps or moves its file as the route
     * says instead of waiting forever. Camel's graceful shutdown has already waited for them.
     */
    void failAll() {
        if (!flights.isEmpty()) {
            LOG.warn("Stopping with {} documents in flight; they fail now. Their jobs may still finish at Mindee and can"
                     + " be fetched with getJob: {}", flights.size(), jobIds());
        }
        for (Flight flight : flights) {
            Job job = flight.job;
            String message = job == null
                    ? "The route stopped while the document was being sent to Mindee: a job may exist; look for it"
                      + " before sending the document again"
                    : "The route stopped while job " + job.id() + " was in flight; fetch it later with getJob";
            flight.settle(null, new MindeeOcrException(message, null, job == null ? null : job.id(),
                    job == null ? null : job.alias()));
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
