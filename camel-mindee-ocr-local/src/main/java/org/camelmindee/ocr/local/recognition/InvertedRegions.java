package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.pixGetHeight;
import static org.bytedeco.leptonica.global.leptonica.pixGetWidth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.leptonica.PIX;

/**
 * Finds the parts of a grey page whose background is darker than their text: white text on a blue banner, a dark
 * table header, the coloured band of an ID card or a business card. Binarisation keeps dark text on a light
 * background; on these regions it loses the text (Sauvola makes light text and dark background alike), so the
 * engine reads them again inverted.
 *
 * <p>The page is cut into square tiles ({@link GreyTiles}). A tile belongs to a dark region when its background (the
 * median grey) is dark, or when its background is nearer its darkest pixels than its lightest while it has some
 * contrast: then what stands out of it is lighter than the background, i.e. light text. Touching tiles make a region; small ones (a tile
 * inside a bold headline letter) are ignored.
 */
final class InvertedRegions {

    // a tile whose median grey is below this is dark whatever its contrast
    private static final int DARK_MEDIAN = 100;
    // the contrast (95th minus 5th percentile) from which a tile's text polarity can be told
    private static final int MIN_CONTRAST = 48;
    // regions of fewer tiles are bold letters, dots of a logo or shadows
    private static final int MIN_TILES = 4;
    private static final int TILE = GreyTiles.TILE;

    private InvertedRegions() {
    }

    /** A region in pixels of the page: left, top, width, height. */
    record Box(int x, int y, int width, int height) {
        boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    /** The dark regions of an 8-bit grey PIX, each grown by one tile so that its text's edges are inside. */
    static List<Box> find(PIX gray) {
        return find(GreyTiles.of(gray), pixGetWidth(gray), pixGetHeight(gray));
    }

    static List<Box> find(GreyTiles tiles, int width, int height) {
        int rows = tiles.rows();
        int cols = tiles.cols();
        boolean[][] dark = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int t = r * cols + c;
                int low = tiles.low()[t];
                int median = tiles.median()[t];
                int high = tiles.high()[t];
                dark[r][c] = median < DARK_MEDIAN || (high - low >= MIN_CONTRAST && median - low < high - median);
            }
        }
        return regions(dark, rows, cols, width, height);
    }

    private static List<Box> regions(boolean[][] dark, int rows, int cols, int width, int height) {
        List<Box> boxes = new ArrayList<>();
        boolean[][] seen = new boolean[rows][cols];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!dark[r][c] || seen[r][c]) {
                    continue;
                }
                int top = r;
                int bottom = r;
                int left = c;
                int right = c;
                int tiles = 0;
                seen[r][c] = true;
                queue.add(new int[] { r, c });
                while (!queue.isEmpty()) {
                    int[] t = queue.poll();
                    tiles++;
                    top = Math.min(top, t[0]);
                    bottom = Math.max(bottom, t[0]);
                    left = Math.min(left, t[1]);
                    right = Math.max(right, t[1]);
                    for (int dr = -1; dr <= 1; dr++) {
                        for (int dc = -1; dc <= 1; dc++) {
                            int nr = t[0] + dr;
                            int nc = t[1] + dc;
                            if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && dark[nr][nc] && !seen[nr][nc]) {
                                seen[nr][nc] = true;
                                queue.add(new int[] { nr, nc });
                            }
                        }
                    }
                }
                if (tiles >= MIN_TILES) {
                    int x0 = Math.max(0, (left - 1) * TILE);
                    int y0 = Math.max(0, (top - 1) * TILE);
                    int x1 = Math.min(width, (right + 2) * TILE);
                    int y1 = Math.min(height, (bottom + 2) * TILE);
                    boxes.add(new Box(x0, y0, x1 - x0, y1 - y0));
                }
            }
        }
        return boxes;
    }
}
