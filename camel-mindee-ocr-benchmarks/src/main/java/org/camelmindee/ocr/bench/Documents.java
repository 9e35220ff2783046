package org.camelmindee.ocr.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;

/** Documents for the scenarios: the PNG signature, then filler; the simulated server reads only the type. */
final class Documents {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    private Documents() {
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[Math.max(size, PNG_SIGNATURE.length)];
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
        for (int i = PNG_SIGNATURE.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    /** A file of {@code size} bytes written in 1 MB pieces (never whole in memory). */
    static File pngFile(long size) throws IOException {
        File file = File.createTempFile("mindee-bench-", ".png");
        file.deleteOnExit();
        byte[] chunk = png(1 << 20);
        try (OutputStream out = Files.newOutputStream(file.toPath())) {
            long left = size;
            boolean first = true;
            while (left > 0) {
                int n = (int) Math.min(left, chunk.length);
                out.write(chunk, 0, n);
                left -= n;
                if (first) {
                    for (int i = 0; i < 29; i++) {
                        chunk[i] = (byte) (i * 31);
                    }
                    first = false;
                }
            }
        }
        return file;
    }
}
