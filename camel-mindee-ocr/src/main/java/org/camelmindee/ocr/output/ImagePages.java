package org.camelmindee.ocr.output;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.w3c.dom.NodeList;

/**
 * An image file as PDF pages, one per frame (a multi-page TIFF has several), each the size its pixels and resolution
 * give. JPEG is embedded as it is (no re-encoding, no loss); TIFF frames in CCITT G4 likewise; other images are
 * decoded and embedded losslessly (Flate), 8-bit grey sample for sample. Read with the JDK's ImageIO, so WebP and HEIC
 * (which it cannot read) are refused with what to do.
 */
final class ImagePages implements AutoCloseable {

    /** The resolution assumed for an image that declares none, that of a typical scan. */
    static final double DEFAULT_DPI = 300;

    private final Path file;
    private final ImageInputStream input;
    private final ImageReader reader;
    private final boolean jpeg;
    private final boolean tiff;

    ImagePages(Path file) throws IOException {
        this.file = file;
        this.input = ImageIO.createImageInputStream(file.toFile());
        Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
        if (readers == null || !readers.hasNext()) {
            if (input != null) {
                input.close();
            }
            throw new IllegalArgumentException("The original " + file.getFileName() + " is no PDF and no image that Java"
                                               + " reads (JPEG, PNG, TIFF, GIF, BMP): a searchable PDF cannot be made"
                                               + " from it; convert WebP or HEIC scans to JPEG or PNG first");
        }
        this.reader = readers.next();
        reader.setInput(input);
        String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        this.jpeg = format.contains("jpeg") || format.contains("jpg");
        this.tiff = format.contains("tif");
    }

    int count() throws IOException {
        return jpeg ? 1 : reader.getNumImages(true);
    }

    /** The frame as an image of the document. */
    PDImageXObject image(PDDocument document, int frame) throws IOException {
        if (jpeg) {
            try (InputStream in = Files.newInputStream(file)) {
                return JPEGFactory.createFromStream(document, in);
            }
        }
        if (tiff) {
            try {
                return CCITTFactory.createFromFile(document, file.toFile(), frame);
            } catch (IOException | IllegalArgumentException notG4) {
                // not bilevel CCITT: decode and embed losslessly below
            }
        }
        BufferedImage pixels = reader.read(frame);
        Raster raster = pixels.getRaster();
        if (raster.getNumBands() == 1 && raster.getSampleModel().getSampleSize(0) == 8) {
            return grey(document, raster);
        }
        return LosslessFactory.createFromImage(document, pixels);
    }

    /**
     * An 8-bit grey image with its samples as they are: PDFBox's LosslessFactory reads grey through Java's linear grey
     * colour space and shifts the mid-tones of antialiased edges by a few levels.
     */
    private static PDImageXObject grey(PDDocument document, Raster raster) throws IOException {
        int width = raster.getWidth();
        int height = raster.getHeight();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(encoded)) {
            int[] row = new int[width];
            byte[] bytes = new byte[width];
            for (int y = 0; y < height; y++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    bytes[x] = (byte) row[x];
                }
                out.write(bytes);
            }
        }
        return new PDImageXObject(document, new ByteArrayInputStream(encoded.toByteArray()), COSName.FLATE_DECODE,
                width, height, 8, PDDeviceGray.INSTANCE);
    }

    /** The frame's size in pixels. */
    PageSize pixelSize(int frame) throws IOException {
        return new PageSize(reader.getWidth(frame), reader.getHeight(frame));
    }

    /** The frame's resolution in dots per inch, {@code [horizontal, vertical]}, or {@link #DEFAULT_DPI} when unknown. */
    double[] dpi(int frame) {
        double[] dpi = { DEFAULT_DPI, DEFAULT_DPI };
        try {
            IIOMetadata metadata = reader.getImageMetadata(frame);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return dpi;
            }
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
            dpi[0] = pixelSize(root, "HorizontalPixelSize", dpi[0]);
            dpi[1] = pixelSize(root, "VerticalPixelSize", dpi[1]);
        } catch (IOException | RuntimeException e) {
            // unreadable metadata: keep the default
        }
        return dpi;
    }

    private static double pixelSize(IIOMetadataNode root, String name, double fallback) {
        NodeList nodes = root.getElementsByTagName(name);
        if (nodes.getLength() == 0) {
            return fallback;
        }
        // millimetres per pixel; a few writers store pixels per millimetre instead, ignored as implausible
        double mm = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
        double dpi = 25.4 / mm;
        return dpi >= 10 && dpi <= 10_000 ? dpi : fallback;
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        input.close();
    }
}
