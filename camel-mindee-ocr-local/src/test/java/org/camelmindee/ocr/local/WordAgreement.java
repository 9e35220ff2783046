package org.camelmindee.ocr.local;

import java.util.ArrayList;
import java.util.List;

import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.model.Point;

/**
 * Word-level agreement between two OCR results of the same page: a word matches when its text is equal and the
 * bounding boxes of the polygons overlap with an IoU of at least the threshold. Each word matches at most once.
 */
public record WordAgreement(int reference, int candidate, int matched) {

    public static WordAgreement of(List<OcrWord> reference, List<OcrWord> candidate, double minIou) {
        return new WordAgreement(reference.size(), candidate.size(),
                reference.size() - unmatched(reference, candidate, minIou).size());
    }

    /** Words of the reference that no candidate word matched, for looking at what goes wrong. */
    public static List<OcrWord> unmatched(List<OcrWord> reference, List<OcrWord> candidate, double minIou) {
        return pairs(reference, candidate, minIou).stream().filter(p -> p[1] == null).map(p -> p[0]).toList();
    }

    /** Each reference word with the candidate word it matched, or with null. */
    public static List<OcrWord[]> pairs(List<OcrWord> reference, List<OcrWord> candidate, double minIou) {
        List<OcrWord[]> pairs = new ArrayList<>();
        boolean[] used = new boolean[candidate.size()];
        for (OcrWord ref : reference) {
            double[] refBox = box(ref.polygon());
            int best = -1;
            double bestIou = minIou;
            for (int i = 0; i < candidate.size(); i++) {
                if (!used[i] && candidate.get(i).content().equals(ref.content())) {
                    double iou = iou(refBox, box(candidate.get(i).polygon()));
                    if (iou >= bestIou) {
                        bestIou = iou;
                        best = i;
                    }
                }
            }
            if (best >= 0) {
                used[best] = true;
            }
            pairs.add(new OcrWord[] { ref, best >= 0 ? candidate.get(best) : null });
        }
        return pairs;
    }

    public double precision() {
        return candidate == 0 ? 0 : (double) matched / candidate;
    }

    public double recall() {
        return reference == 0 ? 0 : (double) matched / reference;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public static double[] box(List<Point> polygon) {
        double l = Double.MAX_VALUE, t = Double.MAX_VALUE, r = -Double.MAX_VALUE, b = -Double.MAX_VALUE;
        for (Point p : polygon) {
            l = Math.min(l, p.x());
            r = Math.max(r, p.x());
            t = Math.min(t, p.y());
            b = Math.max(b, p.y());
        }
        return new double[] { l, t, r, b };
    }

    public static double iou(double[] a, double[] b) {
        double iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    @Override
    public String toString() {
        return String.format("reference %d words, local %d words, matched %d: precision %.3f recall %.3f F1 %.3f",
                reference, candidate, matched, precision(), recall(), f1());
    }
}
