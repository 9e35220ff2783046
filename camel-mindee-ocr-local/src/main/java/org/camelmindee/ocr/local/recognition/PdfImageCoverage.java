package org.camelmindee.ocr.local.recognition;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * How much of a PDF page its images cover. A scanned page that a scanner or a stamp gave a few words of text (a
 * header, a page number, a Bates number) still needs OCR: its text layer is not its content.
 */
final class PdfImageCoverage extends PDFGraphicsStreamEngine {

    private double imageArea;

    private PdfImageCoverage(PDPage page) {
        super(page);
    }

    /** The share of the page's area under images, 0..1 (overlaps counted once per image, capped at 1). */
    static double of(PDPage page) throws IOException {
        PdfImageCoverage engine = new PdfImageCoverage(page);
        engine.processPage(page);
        PDRectangle box = page.getCropBox();
        double pageArea = (double) box.getWidth() * box.getHeight();
        return pageArea <= 0 ? 0 : Math.min(1, engine.imageArea / pageArea);
    }

    @Override
    public void drawImage(PDImage image) {
        // an image fills the unit square of the current transformation
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        Rectangle2D bounds = null;
        for (double[] corner : new double[][] { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 } }) {
            Point2D.Float p = ctm.transformPoint((float) corner[0], (float) corner[1]);
            if (bounds == null) {
                bounds = new Rectangle2D.Double(p.x, p.y, 0, 0);
            } else {
                bounds.add(p);
            }
        }
        imageArea += bounds.getWidth() * bounds.getHeight();
    }

    // paths, clips and shadings are not images: nothing to count
    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
    }

    @Override
    public void lineTo(float x, float y) {
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float();
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
    }
}
