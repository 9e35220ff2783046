package org.camelmindee.ocr.poll;

import java.util.Arrays;

/**
 * The processing times seen for one model, most recent first: what the poll schedule uses to guess when a job will be
 * done. A sample is the middle of the interval in which the job was seen to finish.
 */
public final class ProcessingTimes {

    private static final int CAPACITY = 256;

    private final long[] samples = new long[CAPACITY];
    private int next;
    private int count;

    public synchronized void record(long nanos) {
        samples[next] = nanos;
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
    }

    public synchronized int count() {
        return count;
    }

    /** The {@code q} quantile (0..1) of the samples, or -1 when there are none. */
    public synchronized long quantile(double q) {
        if (count == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.round(q * (count - 1))));
        return sorted[index];
    }
}
