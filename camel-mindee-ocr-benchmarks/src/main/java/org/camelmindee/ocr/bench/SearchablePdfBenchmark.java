package org.camelmindee.ocr.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.camelmindee.ocr.model.InferenceFile;
import org.camelmindee.ocr.model.OcrInference;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrResult;
import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.model.Point;
import org.camelmindee.ocr.output.SearchablePdfWriter;

/**
 * A large scanned PDF made searchable in bounded memory: makes a PDF of {@code --pages} scanned pages (JPEG, 200 dpi,
 * Letter), an OCR result with a distinct word list per page, then times {@link SearchablePdfWriter} and samples the
 * heap while it runs. Run under a heap smaller than the file to show that the file never sits in it:
 * <pre>
 * mvn -q -pl camel-mindee-ocr-benchmarks -am verify -DskipTests -Pbench-pdf
 * </pre>
 * ({@code -Dbench.pdf.args="--pages=50"} for a quick run; the profile sets {@code -Xmx96m}).
 */
public final class SearchablePdfBenchmark {

    private static final int WIDTH = 1700;
    private static final int HEIGHT = 2200;
    private static final int DPI = 200;
    private static final String[] VOCABULARY = {
            "invoice", "delivery", "archive", "statement", "account", "balance", "reference", "customer", "order",
            "total", "amount", "due", "paid", "page", "scan", "Bristol", "Quay", "Street", "Harbour", "Lane" };

    private SearchablePdfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = Arguments.intValue(args, "--pages=", 300);
        Path dir = Files.createTempDirectory("searchable-pdf-bench-");
        Path original = dir.resolve("scanned.pdf");
        Path searchable = dir.resolve("searchable.pdf");
        try {
            List<Scan> scans = List.of(scan(1), scan(2), scan(3), scan(4));
            makeScannedPdf(original, scans, pages);
            OcrResponse result = result(scans, pages);
            System.gc();
            long baseline = usedHeap();
            AtomicLong peak = new AtomicLong();
            Thread sampler = sampler(peak);
            resetPeaks();
            long start = System.nanoTime();
            SearchablePdfWriter.Summary summary;
            try (OutputStream out = Files.newOutputStream(searchable)) {
                summary = SearchablePdfWriter.write(original, result, false, out);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            long max = Runtime.getRuntime().maxMemory();
            System.out.printf("pages                 %d (%d with text added, %d words)%n", summary.pages(),
                    summary.pagesWithTextAdded(), summary.wordsAdded());
            System.out.printf("original              %.1f MB%n", Files.size(original) / 1e6);
            System.out.printf("searchable PDF        %.1f MB%n", Files.size(searchable) / 1e6);
            System.out.printf("time                  %.1f s (%.0f ms a page)%n", seconds, seconds * 1000 / pages);
            System.out.printf("heap limit (-Xmx)     %.0f MB%n", max / 1e6);
            System.out.printf("heap before writing   %.1f MB (the OCR result and the JVM)%n", baseline / 1e6);
            System.out.printf("heap peak, sampled    %.1f MB%n", peak.get() / 1e6);
        } finally {
            Files.deleteIfExists(original);
            Files.deleteIfExists(searchable);
            Files.deleteIfExists(dir);
        }
    }

    /** One scanned page: JPEG bytes and the words on it with their polygons. */
    private record Scan(byte[] jpeg, List<double[]> boxes, List<String> words) {
    }

    private static Scan scan(long seed) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        FontMetrics metrics = g.getFontMetrics();
        Random random = new Random(seed);
        List<double[]> boxes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int baseline = 150; baseline < HEIGHT - 150; baseline += 56) {
            int x = 140;
            while (true) {
                String word = VOCABULARY[random.nextInt(VOCABULARY.length)];
                int width = metrics.stringWidth(word);
                if (x + width > WIDTH - 140) {
                    break;
                }
                g.drawString(word, x, baseline);
                boxes.add(new double[] { (double) x / WIDTH, (double) (baseline - metrics.getAscent()) / HEIGHT,
                        (double) (x + width) / WIDTH, (double) (baseline + metrics.getDescent()) / HEIGHT });
                words.add(word);
                x += width + metrics.stringWidth(" ");
            }
        }
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        return new Scan(jpeg.toByteArray(), boxes, words);
    }

    /** A PDF of scanned pages, written with PDFBox's temporary-file buffers so that making it is bounded too. */
    private static void makeScannedPdf(Path file, List<Scan> scans, int pages) throws IOException {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDRectangle size = new PDRectangle(WIDTH * 72f / DPI, HEIGHT * 72f / DPI);
            for (int i = 0; i < pages; i++) {
                // each page its own image object, as a scanner writes them
                PDImageXObject image = JPEGFactory.createFromByteArray(document, scans.get(i % scans.size()).jpeg());
                PDPage page = new PDPage(size);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            document.save(file.toFile());
        }
    }

    /** The result the OCR would give: a page of its own (its own word objects) for every page, as parsed JSON is. */
    private static OcrResponse result(List<Scan> scans, int pages) {
        List<OcrPage> result = new ArrayList<>(pages);
        for (int i = 0; i < pages; i++) {
            Scan scan = scans.get(i % scans.size());
            List<OcrWord> words = new ArrayList<>(scan.words().size());
            for (int w = 0; w < scan.words().size(); w++) {
                double[] b = scan.boxes().get(w);
                words.add(new OcrWord(new String(scan.words().get(w)), List.of(new Point(b[0], b[1]),
                        new Point(b[2], b[1]), new Point(b[2], b[3]), new Point(b[0], b[3]))));
            }
            result.add(new OcrPage(String.join(" ", scan.words()), words));
        }
        return new OcrResponse(new OcrInference("bench", null, null,
                new InferenceFile("scanned.pdf", null, pages, "application/pdf"), new OcrResult(result)));
    }

    private static Thread sampler(AtomicLong peak) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(usedHeap(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }
}
