package org.camelmindee.ocr.local.recognition;

import java.util.List;

import org.camelmindee.ocr.model.Point;

/**
 * Maps a box found on the preprocessed image back to the original page. The preprocessing scales the page, turns it
 * by quarter turns when it lies sideways or upside down, then straightens it by a small angle about its centre
 * (deskew), in that order; so an upright box on the processed image becomes a slightly turned quadrilateral on the
 * page, as Mindee's polygons are.
 *
 * @param originalWidth  the page's width in pixels before preprocessing
 * @param originalHeight its height
 * @param scale          processed pixels per original pixel
 * @param quarterTurns   clockwise quarter turns applied to the scaled page (0..3)
 * @param angleRadians   the rotation then applied about the centre, clockwise positive (Leptonica's convention)
 */
public record PageTransform(int originalWidth, int originalHeight, double scale, int quarterTurns,
                            double angleRadians) {

    public static PageTransform identity(int width, int height) {
        return new PageTransform(width, height, 1.0, 0, 0.0);
    }

    public PageTransform scaled(double factor) {
        return new PageTransform(originalWidth, originalHeight, scale * factor, quarterTurns, angleRadians);
    }

    public PageTransform turned(int clockwiseQuarters) {
        return new PageTransform(originalWidth, originalHeight, scale, Math.floorMod(quarterTurns + clockwiseQuarters, 4),
                angleRadians);
    }

    public PageTransform rotated(double radians) {
        return new PageTransform(originalWidth, originalHeight, scale, quarterTurns, angleRadians + radians);
    }

    /** The four corners of a processed-image box, clockwise from the word's top left, relative to the original page. */
    public List<Point> polygon(int left, int top, int right, int bottom) {
        return List.of(toPage(left, top), toPage(right, top), toPage(right, bottom), toPage(left, bottom));
    }

    private Point toPage(double x, double y) {
        double sw = originalWidth * scale;
        double sh = originalHeight * scale;
        boolean sideways = (quarterTurns & 1) == 1;
        double tw = sideways ? sh : sw;
        double th = sideways ? sw : sh;
        // undo the small rotation about the centre of the turned page (the processed image has its size)
        double cx = tw / 2.0;
        double cy = th / 2.0;
        double cos = Math.cos(-angleRadians);
        double sin = Math.sin(-angleRadians);
        double x1 = cx + (x - cx) * cos - (y - cy) * sin;
        double y1 = cy + (x - cx) * sin + (y - cy) * cos;
        // undo the quarter turns: a clockwise turn took (x, y) of the scaled page to (sh - y, x)
        double sx;
        double sy;
        switch (quarterTurns) {
            case 1 -> {
                sx = y1;
                sy = sh - x1;
            }
            case 2 -> {
                sx = sw - x1;
                sy = sh - y1;
            }
            case 3 -> {
                sx = sw - y1;
                sy = x1;
            }
            default -> {
                sx = x1;
                sy = y1;
            }
        }
        return new Point(clamp(sx / sw), clamp(sy / sh));
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
