package org.camelmindee.ocr.output;

import java.util.List;
import java.util.stream.Collectors;

import org.camelmindee.ocr.model.OcrPage;

/**
 * A page's words grouped into lines and blocks, in reading order: what hOCR, ALTO and the reading-order text are
 * written from. {@link ReadingOrder} builds it from the word polygons.
 */
public record PageLayout(List<Block> blocks) {

    /** A word that has a place on the page. */
    public record Word(String text, Box box) {
    }

    /** Words on one baseline, left to right. */
    public record Line(List<Word> words, Box box) {

        public String text() {
            return words.stream().map(Word::text).collect(Collectors.joining(" "));
        }
    }

    /** Lines that belong together (a paragraph, a cell, an address), top to bottom. */
    public record Block(List<Line> lines, Box box) {
    }

    public static PageLayout of(OcrPage page) {
        return ReadingOrder.layout(page.words());
    }

    public int wordCount() {
        return blocks.stream().flatMap(b -> b.lines().stream()).mapToInt(l -> l.words().size()).sum();
    }

    /** Lines separated by a line feed, blocks by an empty line. */
    public String text() {
        return blocks.stream()
                .map(b -> b.lines().stream().map(Line::text).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n\n"));
    }
}
