package org.camelmindee.ocr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camelmindee.ocr.local.LocalServerMain;

/**
 * The local engine's server in a JVM of its own, started as its users start it ({@link LocalServerMain}, real
 * Tesseract), so that its memory is measured alone: resident memory from {@code /proc/<pid>/status}, the heap from
 * {@code jcmd GC.heap_info}.
 */
final class LocalEngineProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern HEAP = Pattern.compile(
            "heap\\s+total (\\d+)K, used (\\d+)K \\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");
    private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");

    private final Process process;
    private final Path log;
    private final String baseUrl;

    /** Starts the server with the given JVM options and server options ({@code --workers 1}); waits until it listens. */
    LocalEngineProcess(List<String> jvmOptions, List<String> serverOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalServerMain.class.getName(),
                "--port", "0"));
        command.addAll(serverOptions);
        log = Files.createTempFile("mindee-local-engine-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the options measured are the ones above, not whatever MINDEE_LOCAL_* the shell has
        builder.environment().keySet().removeIf(name -> name.startsWith("MINDEE_LOCAL_"));
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String url = null;
        while (url == null) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                url = m.group(1);
            } else if (!process.isAlive() || System.nanoTime() > deadline) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                close();
                throw new IllegalStateException("the local engine did not start: " + output);
            } else {
                Thread.sleep(50);
            }
        }
        baseUrl = url;
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory of the server's process ({@code VmRSS}), in MB. */
    long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid() + ": has it ended? " + logTail());
    }

    /**
     * The server's heap in MB: committed and used as {@code jcmd <pid> GC.heap_info} tells them, and resident (the
     * pages of its address range in memory, from {@code /proc/<pid>/smaps}): the JVM touches its committed heap bit by
     * bit, and that counts in the resident memory without any leak.
     */
    long[] heapMegabytes() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        Matcher m = HEAP.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no heap in jcmd's answer: " + out);
        }
        long resident = residentKilobytesWithin(Long.parseUnsignedLong(m.group(3), 16),
                Long.parseUnsignedLong(m.group(4), 16));
        return new long[] {Long.parseLong(m.group(1)) / 1024, Long.parseLong(m.group(2)) / 1024, resident / 1024};
    }

    /** The {@code Rss} of the server's mappings that lie within [from, to). */
    private long residentKilobytesWithin(long from, long to) throws IOException {
        long kilobytes = 0;
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "smaps"))) {
            Matcher mapping = MAPPING.matcher(line);
            if (mapping.find()) {
                inside = Long.parseUnsignedLong(mapping.group(1), 16) >= from
                        && Long.parseUnsignedLong(mapping.group(2), 16) <= to;
            } else if (inside && line.startsWith("Rss:")) {
                kilobytes += Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return kilobytes;
    }

    /** The last lines the server wrote, for a message. */
    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops the server as a service manager would (SIGTERM, its shutdown hook closes it), forcibly after 30 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }
}
