package org.camelmindee.ocr.local.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A request body received before any handler runs: in memory up to {@link #MEMORY_BYTES}, in a temporary file beyond,
 * never more than its limit. Written by one event loop, then read by one request thread, then deleted.
 */
final class SpooledBody implements AutoCloseable {

    /** Bodies up to this size stay in memory; a form with a small image fits, an upload goes to disk. */
    static final int MEMORY_BYTES = 64 * 1024;

    private final long limit;
    private byte[] memory = new byte[0];
    private int memoryLength;
    private Path file;
    private FileChannel channel;
    private long size;

    SpooledBody(long limit) {
        this.limit = limit;
    }

    /** Appends a chunk; false when the body would pass its limit (nothing more is kept then). */
    boolean append(ByteBuffer chunk) {
        int n = chunk.remaining();
        if (size + n > limit) {
            return false;
        }
        size += n;
        try {
            if (channel == null && memoryLength + n <= MEMORY_BYTES) {
                if (memory.length < memoryLength + n) {
                    byte[] grown = new byte[Math.min(MEMORY_BYTES, Math.max(memoryLength + n, memory.length * 2))];
                    System.arraycopy(memory, 0, grown, 0, memoryLength);
                    memory = grown;
                }
                chunk.get(memory, memoryLength, n);
                memoryLength += n;
                return true;
            }
            if (channel == null) {
                file = Files.createTempFile("mindee-local-request", ".body");
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
                channel.write(ByteBuffer.wrap(memory, 0, memoryLength));
                memory = null;
            }
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the request body: " + e.getMessage(), e);
        }
    }

    long size() {
        return size;
    }

    /** The whole body, once it is complete. */
    InputStream open() throws IOException {
        if (channel == null) {
            return new ByteArrayInputStream(memory, 0, memoryLength);
        }
        channel.close();
        return Files.newInputStream(file);
    }

    /** Deletes the temporary file, if there is one; safe to call twice. */
    @Override
    public void close() {
        memory = null;
        try {
            if (channel != null) {
                channel.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file that cannot be deleted is left to the system's cleaning of its temp directory
        }
    }
}
