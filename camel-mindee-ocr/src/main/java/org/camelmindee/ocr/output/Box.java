package org.camelmindee.ocr.output;

import java.util.Collection;
import java.util.List;

import org.camelmindee.ocr.model.Point;

/** An upright box relative to the page: 0..1 from the top left, as Mindee's polygons are. */
public record Box(double left, double top, double right, double bottom) {

    /** The box around a polygon, or null when it has fewer than three points or no area. */
    public static Box around(List<Point> polygon) {
        if (polygon.size() < 3) {
            return null;
        }
        double left = 1;
        double top = 1;
        double right = 0;
        double bottom = 0;
        for (Point p : polygon) {
            left = Math.min(left, clamp(p.x()));
            top = Math.min(top, clamp(p.y()));
            right = Math.max(right, clamp(p.x()));
            bottom = Math.max(bottom, clamp(p.y()));
        }
        return right > left && bottom > top ? new Box(left, top, right, bottom) : null;
    }

    /** The smallest box holding all of them. */
    public static Box union(Collection<Box> boxes) {
        return boxes.stream().reduce(Box::union).orElseThrow();
    }

    public Box union(Box other) {
        return new Box(Math.min(left, other.left), Math.min(top, other.top), Math.max(right, other.right),
                Math.max(bottom, other.bottom));
    }

    public double width() {
        return right - left;
    }

    public double height() {
        return bottom - top;
    }

    /** How much two boxes share vertically, as a share of the lower of the two heights. */
    double verticalOverlap(Box other) {
        double shared = Math.min(bottom, other.bottom) - Math.max(top, other.top);
        return shared <= 0 ? 0 : shared / Math.min(height(), other.height());
    }

    boolean overlapsHorizontally(Box other) {
        return Math.min(right, other.right) > Math.max(left, other.left);
    }

    /** This box in pixels of a page of the given size: {@code [left, top, right, bottom]}, rounded outwards. */
    public int[] inPixels(PageSize page) {
        return new int[] {
                (int) Math.floor(left * page.width()), (int) Math.floor(top * page.height()),
                (int) Math.ceil(right * page.width()), (int) Math.ceil(bottom * page.height()) };
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
