package org.camelmindee.ocr.local;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.camelmindee.ocr.local.recognition.Recognizer;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.model.Point;

/** A recogniser for route tests: one page per document, "hello world", held until released when gated. */
public final class StubRecognizer implements Recognizer {

    final AtomicInteger calls = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    volatile CountDownLatch gate;
    volatile RuntimeException failure;

    @Override
    public List<OcrPage> recognize(byte[] document, DocumentType type) {
        calls.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            throw failure;
        }
        return List.of(new OcrPage("hello world", List.of(
                new OcrWord("hello", List.of(new Point(0.1, 0.1), new Point(0.2, 0.1), new Point(0.2, 0.15),
                        new Point(0.1, 0.15))),
                new OcrWord("world", List.of(new Point(0.25, 0.1), new Point(0.35, 0.1), new Point(0.35, 0.15),
                        new Point(0.25, 0.15))))));
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
