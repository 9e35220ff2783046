package org.camelmindee.ocr.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * The process's CPU time and heap allocated so far, and of them the share of the threads that are not the in-process
 * simulated Mindee's (its {@code mindee-local-*} and Vert.x threads): the application's side, the component's work.
 * A thread that ends between two snapshots takes its share with it; the JVM's own work (GC, JIT) shows only in the
 * process's figures.
 *
 * @param cpuNanos       the process's CPU time
 * @param allocatedBytes heap allocated by all threads, live and ended
 * @param clientCpuNanos CPU time of the live threads that are not the server's
 * @param clientBytes    heap allocated by the live threads that are not the server's
 */
record CostSnapshot(long cpuNanos, long allocatedBytes, long clientCpuNanos, long clientBytes) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static CostSnapshot now() {
        long clientCpu = 0;
        long clientBytes = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null || isServers(thread.getThreadName())) {
                continue;
            }
            clientCpu += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            clientBytes += Math.max(0, THREADS.getThreadAllocatedBytes(thread.getThreadId()));
        }
        return new CostSnapshot(OS.getProcessCpuTime(), THREADS.getTotalThreadAllocatedBytes(), clientCpu, clientBytes);
    }

    /** What happened since {@code earlier}. */
    CostSnapshot minus(CostSnapshot earlier) {
        return new CostSnapshot(cpuNanos - earlier.cpuNanos, allocatedBytes - earlier.allocatedBytes,
                clientCpuNanos - earlier.clientCpuNanos, clientBytes - earlier.clientBytes);
    }

    CostSnapshot plus(CostSnapshot other) {
        return new CostSnapshot(cpuNanos + other.cpuNanos, allocatedBytes + other.allocatedBytes,
                clientCpuNanos + other.clientCpuNanos, clientBytes + other.clientBytes);
    }

    private static boolean isServers(String name) {
        return name.startsWith("mindee-local-") || name.startsWith("vert.x-") || name.startsWith("vertx-");
    }
}
