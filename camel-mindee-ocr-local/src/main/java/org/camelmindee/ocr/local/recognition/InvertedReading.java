package org.camelmindee.ocr.local.recognition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges the words of a dark region read inverted into the page's words. An inverted word is taken when it is
 * confident and more confident than the page's words it overlaps, which it then replaces; the page's words that no
 * taken word overlaps stay (dark text beside the region, or text Tesseract already read by inverting a doubtful line
 * itself). A textured background (a table under a photographed receipt) gives doubtful words either way, and the
 * inverted ones must be confident to count at all.
 */
final class InvertedReading {

    // inverted words below this confidence are the texture of a dark background, not text
    static final float MIN_INVERTED_CONFIDENCE = 50f;
    // two words are the same text read twice when their boxes share this much of the smaller one
    private static final double SAME_PLACE = 0.3;

    private InvertedReading() {
    }

    /** The page's words with the region's inverted reading merged in; the page's list when nothing is taken. */
    static List<RecognizedWord> merge(List<RecognizedWord> page, List<RecognizedWord> inverted,
                                      InvertedRegions.Box region) {
        List<RecognizedWord> taken = new ArrayList<>();
        Set<RecognizedWord> replaced = new HashSet<>();
        for (RecognizedWord w : inverted) {
            if (w.confidence() < MIN_INVERTED_CONFIDENCE) {
                continue;
            }
            List<RecognizedWord> overlapped = page.stream().filter(p -> samePlace(p, w)).toList();
            if (overlapped.stream().allMatch(p -> p.confidence() < w.confidence())) {
                taken.add(w);
                replaced.addAll(overlapped);
            }
        }
        if (taken.isEmpty()) {
            return page;
        }
        // the region's words, both readings', go in lines where the page's reading order reaches the region
        List<RecognizedWord> block = new ArrayList<>(taken);
        List<RecognizedWord> merged = new ArrayList<>(page.size() + taken.size());
        int at = -1;
        for (RecognizedWord w : page) {
            if (replaced.contains(w)) {
                continue;
            }
            if (region.contains((w.left() + w.right()) / 2.0, (w.top() + w.bottom()) / 2.0)) {
                block.add(w);
                at = at < 0 ? merged.size() : at;
            } else {
                if (at < 0 && w.top() >= region.y()) {
                    at = merged.size();
                }
                merged.add(w);
            }
        }
        merged.addAll(at < 0 ? merged.size() : at, inLines(block));
        return merged;
    }

    /** Words in reading order: lines from the top (a word joins a line its middle falls in), each from the left. */
    static List<RecognizedWord> inLines(List<RecognizedWord> words) {
        List<RecognizedWord> byTop = new ArrayList<>(words);
        byTop.sort(Comparator.comparingInt(RecognizedWord::top));
        List<List<RecognizedWord>> lines = new ArrayList<>();
        for (RecognizedWord w : byTop) {
            double middle = (w.top() + w.bottom()) / 2.0;
            List<RecognizedWord> line = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (line != null && middle >= line.get(0).top() && middle <= line.get(0).bottom()) {
                line.add(w);
            } else {
                lines.add(new ArrayList<>(List.of(w)));
            }
        }
        List<RecognizedWord> out = new ArrayList<>(words.size());
        for (List<RecognizedWord> line : lines) {
            line.sort(Comparator.comparingInt(RecognizedWord::left));
            for (int i = 0; i < line.size(); i++) {
                RecognizedWord w = line.get(i);
                // each line of the region is a paragraph of the page text
                out.add(new RecognizedWord(w.text(), w.confidence(), i == 0, w.left(), w.top(), w.right(),
                        w.bottom()));
            }
        }
        return out;
    }

    private static boolean samePlace(RecognizedWord a, RecognizedWord b) {
        long w = Math.min(a.right(), b.right()) - Math.max(a.left(), b.left());
        long h = Math.min(a.bottom(), b.bottom()) - Math.max(a.top(), b.top());
        if (w <= 0 || h <= 0) {
            return false;
        }
        long smaller = Math.min(area(a), area(b));
        return smaller > 0 && (double) (w * h) / smaller >= SAME_PLACE;
    }

    private static long area(RecognizedWord w) {
        return (long) (w.right() - w.left()) * (w.bottom() - w.top());
    }
}
