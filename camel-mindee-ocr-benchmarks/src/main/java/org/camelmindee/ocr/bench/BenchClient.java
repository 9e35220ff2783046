package org.camelmindee.ocr.bench;

import java.util.List;

/** One of the measured clients, in its own JVM. */
interface BenchClient extends AutoCloseable {

    /** Gets ready (contexts, servers) before the measurement starts. */
    void start() throws Exception;

    /** Sends document {@code index}; its outcome goes to the outcomes, now or later. Never waits for the result. */
    void submit(int index);

    /** The client's own counters, as {@code key=value}. */
    List<String> counters();

    @Override
    void close() throws Exception;
}
