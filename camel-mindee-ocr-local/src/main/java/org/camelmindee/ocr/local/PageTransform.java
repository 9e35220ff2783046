package org.camelmindee.ocr.local;

import java.util.List;

import org.camelmindee.ocr.model.Point;

/**
 * Maps a box found on the preprocessed image back to the original page: the preprocessing may have scaled the page
 * and rotated it about its centre (deskew), so an upright box becomes a slightly turned quadrilateral on the page, as
 * Mindee's polygons are.
 *
 * @param originalWidth  the page's width in pixels before preprocessing
 * @param originalHeight its height
 * @param scale          processed pixels per original pixel
 * @param angleRadians   the rotation applied to the scaled image, clockwise positive (Leptonica's convention)
 */
public record PageTransform(int originalWidth, int originalHeight, double scale, double angleRadians) {

    public static PageTransform identity(int width, int height) {
        return new PageTransform(width, height, 1.0, 0.0);
    }

    public PageTransform rotated(double radians) {
        return new PageTransform(originalWidth, originalHeight, scale, angleRadians + radians);
    }

    public PageTransform scaled(double factor) {
        return new PageTransform(originalWidth, originalHeight, scale * factor, angleRadians);
    }

    /** The four corners of a processed-image box, clockwise from the top left, relative to the original page. */
    public List<Point> polygon(int left, int top, int right, int bottom) {
        return List.of(toPage(left, top), toPage(right, top), toPage(right, bottom), toPage(left, bottom));
    }

    private Point toPage(double x, double y) {
        // undo the rotation about the centre of the processed image (same size as the scaled page), then the scale
        double cx = originalWidth * scale / 2.0;
        double cy = originalHeight * scale / 2.0;
        double dx = x - cx;
        double dy = y - cy;
        double cos = Math.cos(-angleRadians);
        double sin = Math.sin(-angleRadians);
        double px = (cx + dx * cos - dy * sin) / scale;
        double py = (cy + dx * sin + dy * cos) / scale;
        return new Point(clamp(px / originalWidth), clamp(py / originalHeight));
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
