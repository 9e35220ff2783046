package org.camelmindee.ocr.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.camelmindee.ocr.model.OcrWord;

/**
 * Groups a page's words into lines and blocks from their polygons alone, and orders the blocks as a reader would:
 * columns one after the other, not line by line across the page.
 * <ol>
 * <li>Lines: taken left to right, a word joins the line whose last word it shares at least half its height with and
 * follows by a gap of at most {@value #WORD_GAP} heights; a wider gap is a gutter, so columns never share a line.</li>
 * <li>Blocks: taken top to bottom, a line joins the block whose last line is just above it (a gap of at most
 * {@value #LINE_GAP} heights), overlaps it horizontally and has a similar height (a heading starts its own block).</li>
 * <li>Order: a recursive XY cut. Blocks split first into columns at vertical bands that no block crosses, then into
 * rows at horizontal bands; each part is ordered the same way, and what cannot be cut is read top to bottom.</li>
 * </ol>
 * Columns separated by a block that spans them (a full-width heading or footer) are read row band by row band: the
 * classic limit of the XY cut.
 */
public final class ReadingOrder {

    /** The widest gap between two words of one line, in word heights. */
    static final double WORD_GAP = 1.5;
    /** The widest gap between two lines of one block, in line heights. */
    static final double LINE_GAP = 0.8;
    /** Lines of one block differ in height by at most this factor. */
    private static final double HEIGHT_RATIO = 1.8;

    private ReadingOrder() {
    }

    /** The layout of a page's words; words without text or without a polygon have no place and are left out. */
    public static PageLayout layout(List<OcrWord> words) {
        List<PageLayout.Word> placed = new ArrayList<>();
        for (OcrWord word : words) {
            String text = word.content() == null ? "" : word.content().strip();
            Box box = Box.around(word.polygon());
            if (!text.isEmpty() && box != null) {
                placed.add(new PageLayout.Word(text, box));
            }
        }
        return new PageLayout(order(blocks(lines(placed))));
    }

    private static List<PageLayout.Line> lines(List<PageLayout.Word> words) {
        List<List<PageLayout.Word>> lines = new ArrayList<>();
        List<PageLayout.Word> byLeft = new ArrayList<>(words);
        byLeft.sort(Comparator.comparingDouble((PageLayout.Word w) -> w.box().left())
                .thenComparingDouble(w -> w.box().top()));
        for (PageLayout.Word word : byLeft) {
            List<PageLayout.Word> best = null;
            double bestGap = Double.MAX_VALUE;
            for (List<PageLayout.Word> line : lines) {
                Box last = line.get(line.size() - 1).box();
                double gap = word.box().left() - last.right();
                double height = Math.max(last.height(), word.box().height());
                if (word.box().left() >= last.left() && gap <= WORD_GAP * height
                    && last.verticalOverlap(word.box()) >= 0.5 && gap < bestGap) {
                    best = line;
                    bestGap = gap;
                }
            }
            if (best == null) {
                best = new ArrayList<>();
                lines.add(best);
            }
            best.add(word);
        }
        return lines.stream()
                .map(l -> new PageLayout.Line(List.copyOf(l), Box.union(l.stream().map(PageLayout.Word::box).toList())))
                .toList();
    }

    private static List<PageLayout.Block> blocks(List<PageLayout.Line> lines) {
        List<List<PageLayout.Line>> blocks = new ArrayList<>();
        List<PageLayout.Line> byTop = new ArrayList<>(lines);
        byTop.sort(Comparator.comparingDouble((PageLayout.Line l) -> l.box().top())
                .thenComparingDouble(l -> l.box().left()));
        for (PageLayout.Line line : byTop) {
            List<PageLayout.Line> best = null;
            double bestGap = Double.MAX_VALUE;
            for (List<PageLayout.Line> block : blocks) {
                Box last = block.get(block.size() - 1).box();
                Box box = line.box();
                double gap = box.top() - last.bottom();
                double low = Math.min(last.height(), box.height());
                double high = Math.max(last.height(), box.height());
                if (box.top() > last.top() && gap <= LINE_GAP * low && last.overlapsHorizontally(box)
                    && high <= HEIGHT_RATIO * low && gap < bestGap) {
                    best = block;
                    bestGap = gap;
                }
            }
            if (best == null) {
                best = new ArrayList<>();
                blocks.add(best);
            }
            best.add(line);
        }
        return blocks.stream()
                .map(b -> new PageLayout.Block(List.copyOf(b), Box.union(b.stream().map(PageLayout.Line::box).toList())))
                .toList();
    }

    /** The XY cut: columns first, then rows, recursively. */
    private static List<PageLayout.Block> order(List<PageLayout.Block> blocks) {
        if (blocks.size() <= 1) {
            return blocks;
        }
        List<List<PageLayout.Block>> columns = cut(blocks, Box::left, Box::right);
        if (columns.size() > 1) {
            return columns.stream().flatMap(c -> order(c).stream()).toList();
        }
        List<List<PageLayout.Block>> rows = cut(blocks, Box::top, Box::bottom);
        if (rows.size() > 1) {
            return rows.stream().flatMap(r -> order(r).stream()).toList();
        }
        List<PageLayout.Block> rest = new ArrayList<>(blocks);
        rest.sort(Comparator.comparingDouble((PageLayout.Block b) -> b.box().top())
                .thenComparingDouble(b -> b.box().left()));
        return rest;
    }

    /** Splits at every band along one axis that no block crosses, in the axis's order. */
    private static List<List<PageLayout.Block>> cut(List<PageLayout.Block> blocks, ToDoubleFunction<Box> start,
            ToDoubleFunction<Box> end) {
        List<PageLayout.Block> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingDouble(b -> start.applyAsDouble(b.box())));
        List<List<PageLayout.Block>> parts = new ArrayList<>();
        List<PageLayout.Block> current = new ArrayList<>();
        double reach = -1;
        for (PageLayout.Block block : sorted) {
            if (!current.isEmpty() && start.applyAsDouble(block.box()) > reach) {
                parts.add(current);
                current = new ArrayList<>();
            }
            current.add(block);
            reach = Math.max(reach, end.applyAsDouble(block.box()));
        }
        parts.add(current);
        return parts;
    }
}
