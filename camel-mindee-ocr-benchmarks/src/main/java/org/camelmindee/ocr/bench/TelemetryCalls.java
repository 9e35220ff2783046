package org.camelmindee.ocr.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import org.camelmindee.ocr.api.RequestObserver;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.telemetry.JobTelemetry;
import org.camelmindee.ocr.telemetry.Telemetry;

/**
 * The calls an {@code ocr} exchange makes to the component's {@link Telemetry} when its job is done at the first poll,
 * in the producer's order ({@code MindeeOcrProducer#process} and {@code #ocr}; {@code RetryingSender} for each
 * request), made in a loop on one thread: what the meters or spans cost a document without the HTTP and the thread
 * hops around them, which vary more from round to round than the calls cost. Keep in step with the producer.
 */
final class TelemetryCalls {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private TelemetryCalls() {
    }

    /** CPU nanoseconds and bytes allocated per document, over {@code documents} documents on this thread. */
    static double[] perDocument(Telemetry telemetry, String endpoint, String model, OcrResponse result,
                                int documents) {
        long thread = Thread.currentThread().getId();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        Instant completedAt = Instant.now();
        for (int i = 0; i < documents; i++) {
            oneDocument(telemetry, endpoint, model, result, completedAt);
        }
        return new double[] {(double) (THREADS.getCurrentThreadCpuTime() - cpu) / documents,
                (double) (THREADS.getThreadAllocatedBytes(thread) - allocated) / documents};
    }

    private static void oneDocument(Telemetry telemetry, String endpoint, String model, OcrResponse result,
                                    Instant completedAt) {
        JobTelemetry job = telemetry.job(endpoint, "ocr", model);
        request(job.request("enqueue"), 202);
        job.enqueued(null);
        job.job("2f9c1a6e-0b7d-4e43-9a51-8c7e1d3b4a60");
        job.waiting();
        request(job.request("poll"), 200);
        job.waited(1, completedAt);
        request(job.request("result"), 200);
        job.result(result);
        job.finished(null);
    }

    private static void request(RequestObserver request, int status) {
        request.budgetWaited(0);
        request.answered(status);
        request.finished(status, null);
    }
}
