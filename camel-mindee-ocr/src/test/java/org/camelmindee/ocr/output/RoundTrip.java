package org.camelmindee.ocr.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;

/** How well the words another reader finds in a searchable PDF match the words of the OCR result. */
final class RoundTrip {

    /** Matched words, all words, and the IoU of each match. */
    record Score(int matched, int words, List<Double> ious) {

        double shareAtLeast(double iou) {
            return words == 0 ? 1 : ious.stream().filter(v -> v >= iou).count() / (double) words;
        }
    }

    private RoundTrip() {
    }

    /**
     * Each word of the result against the best unused word of the same text on the same page. pdftotext gives word
     * boxes on the page as displayed but the page's size before its /Rotate, so the displayed sizes come from PDFBox.
     */
    static Score score(List<OcrPage> expected, Path pdf) throws IOException, InterruptedException {
        List<PdfToText.Page> found = PdfToText.read(pdf);
        List<double[]> sizes = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                boolean sideways = page.getRotation() % 180 != 0;
                PDRectangle crop = page.getCropBox();
                sizes.add(sideways ? new double[] { crop.getHeight(), crop.getWidth() }
                        : new double[] { crop.getWidth(), crop.getHeight() });
            }
        }
        int words = 0;
        int matched = 0;
        List<Double> ious = new ArrayList<>();
        for (int p = 0; p < expected.size(); p++) {
            PdfToText.Page page = found.get(p);
            List<PdfToText.Word> pool = new ArrayList<>(page.words());
            for (OcrWord word : expected.get(p).words()) {
                Box box = Box.around(word.polygon());
                if (box == null) {
                    continue;
                }
                words++;
                double width = sizes.get(p)[0];
                double height = sizes.get(p)[1];
                double[] want = { box.left() * width, box.top() * height, box.right() * width, box.bottom() * height };
                PdfToText.Word best = null;
                double bestIou = -1;
                for (PdfToText.Word candidate : pool) {
                    if (candidate.text().equals(word.content().strip())) {
                        double iou = iou(want, candidate);
                        if (iou > bestIou) {
                            best = candidate;
                            bestIou = iou;
                        }
                    }
                }
                if (best != null) {
                    pool.remove(best);
                    matched++;
                    ious.add(bestIou);
                } else {
                    ious.add(0.0);
                }
            }
        }
        return new Score(matched, words, ious);
    }

    private static double iou(double[] a, PdfToText.Word b) {
        double w = Math.min(a[2], b.right()) - Math.max(a[0], b.left());
        double h = Math.min(a[3], b.bottom()) - Math.max(a[1], b.top());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double shared = w * h;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b.right() - b.left()) * (b.bottom() - b.top()) - shared;
        return shared / union;
    }
}
