package org.camelmindee.ocr.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * What a client process costs while it runs: live threads and heap sampled every 5 ms, the heap left after each
 * collection (the live data), and the process's CPU time.
 */
final class Meter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<long[]> afterGc = new ArrayList<>();
    private final List<long[]> afterFullGc = new ArrayList<>();
    private final long fullGcEveryNanos;
    private volatile boolean running;
    private volatile int peakThreads;
    private volatile String peakThreadNames = "";
    private volatile long peakUsed;
    private int idleThreads;
    private long idleHeap;
    private long cpuStart;
    private long startNanos;
    private Thread sampler;

    /**
     * @param fullGcEveryMillis every this many milliseconds a full collection, so that the heap left after it is the
     *                          live data and nothing else (0: never; the soak's flat-heap figure needs it, since a
     *                          young collection leaves the garbage that reached the old generation)
     */
    Meter(long fullGcEveryMillis) {
        this.fullGcEveryNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(fullGcEveryMillis);
    }

    /** Collects, notes the idle state, and starts sampling. */
    void start() {
        System.gc();
        System.gc();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                        used += pool.getValue().getUsed();
                    }
                }
                if (running) {
                    synchronized (afterGc) {
                        long[] point = {System.nanoTime() - startNanos, used};
                        afterGc.add(point);
                        if (info.getGcAction().contains("major")) {
                            afterFullGc.add(point);
                        }
                    }
                }
            }, null, null);
        }
        idleHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        running = true;
        sampler = new Thread(() -> {
            long nextFullGc = System.nanoTime() + fullGcEveryNanos;
            while (running) {
                if (fullGcEveryNanos > 0 && System.nanoTime() >= nextFullGc) {
                    System.gc();
                    nextFullGc = System.nanoTime() + fullGcEveryNanos;
                }
                int live = threads.getThreadCount();
                if (live > peakThreads) {
                    peakThreads = live;
                    peakThreadNames = names();
                }
                peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-meter");
        sampler.setDaemon(true);
        sampler.start();
        idleThreads = threads.getThreadCount();
        threads.resetPeakThreadCount();
        peakThreads = idleThreads;
        peakUsed = idleHeap;
        startNanos = System.nanoTime();
        cpuStart = os.getProcessCpuTime();
    }

    /** The live threads by name, numbers left out: {@code name x count}. */
    private static String names() {
        Map<String, Long> byName = Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"), java.util.TreeMap::new,
                        Collectors.counting()));
        return byName.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Stops sampling; the figures, as lines of {@code key=value}. */
    List<String> stop() {
        long cpu = os.getProcessCpuTime() - cpuStart;
        running = false;
        sampler.interrupt();
        peakThreads = Math.max(peakThreads, threads.getPeakThreadCount());
        List<String> lines = new ArrayList<>();
        lines.add("idleThreads=" + idleThreads);
        lines.add("peakThreads=" + peakThreads);
        lines.add("peakThreadNames=" + peakThreadNames);
        lines.add("idleHeap=" + idleHeap);
        lines.add("peakHeapUsed=" + peakUsed);
        long peakLive = idleHeap;
        StringBuilder series = new StringBuilder();
        synchronized (afterGc) {
            for (long[] point : afterGc) {
                peakLive = Math.max(peakLive, point[1]);
                series.append(point[0] / 1_000_000).append(':').append(point[1]).append(',');
            }
        }
        lines.add("peakHeapLive=" + peakLive);
        lines.add("gcSeries=" + series);
        StringBuilder full = new StringBuilder();
        synchronized (afterGc) {
            for (long[] point : afterFullGc) {
                full.append(point[0] / 1_000_000).append(':').append(point[1]).append(',');
            }
        }
        lines.add("fullGcSeries=" + full);
        lines.add("cpuNanos=" + cpu);
        return lines;
    }
}
