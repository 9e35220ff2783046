package org.camelmindee.ocr.output;

import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;

import static org.camelmindee.ocr.output.XmlDocument.element;

/**
 * Writes a result as ALTO 4.4 XML, {@code MeasurementUnit} pixel: {@code Page} > {@code PrintSpace} >
 * {@code TextBlock} > {@code TextLine} > {@code String} (with {@code SP} between words), each with
 * {@code HPOS}/{@code VPOS}/{@code WIDTH}/{@code HEIGHT} in pixels of its page, in reading order
 * ({@link ReadingOrder}).
 */
public final class AltoWriter {

    public static final String NAMESPACE = "http://www.loc.gov/standards/alto/ns-v4#";
    private static final String SCHEMA = "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private AltoWriter() {
    }

    /**
     * @param sizes    each page's size in pixels, in order; a page past the end of the list is taken as
     *                 {@link PageSize#UNKNOWN}
     * @param filename the original's name, for {@code sourceImageInformation}; may be null
     */
    public static String write(OcrResponse response, List<PageSize> sizes, String filename) {
        List<OcrPage> pages = OutputPages.of(response);
        return XmlDocument.write("ALTO", xml -> {
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "alto");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute(XSI, "schemaLocation", NAMESPACE + " " + SCHEMA);
            xml.writeCharacters("\n");
            xml.writeStartElement("Description");
            element(xml, "MeasurementUnit", "pixel");
            if (filename != null) {
                xml.writeStartElement("sourceImageInformation");
                element(xml, "fileName", filename);
                xml.writeEndElement();
            }
            xml.writeStartElement("Processing");
            xml.writeAttribute("ID", "processing_1");
            xml.writeStartElement("processingSoftware");
            element(xml, "softwareName", "camel-mindee-ocr");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeStartElement("Layout");
            xml.writeCharacters("\n");
            for (int p = 0; p < pages.size(); p++) {
                writePage(xml, PageLayout.of(pages.get(p)), OutputPages.size(sizes, p), p + 1);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    private static void writePage(XMLStreamWriter xml, PageLayout layout, PageSize size, int page)
            throws XMLStreamException {
        xml.writeStartElement("Page");
        xml.writeAttribute("ID", "page_" + page);
        xml.writeAttribute("PHYSICAL_IMG_NR", Integer.toString(page));
        xml.writeAttribute("WIDTH", Integer.toString(size.width()));
        xml.writeAttribute("HEIGHT", Integer.toString(size.height()));
        xml.writeStartElement("PrintSpace");
        position(xml, new int[] { 0, 0, size.width(), size.height() });
        xml.writeCharacters("\n");
        int blocks = 0;
        int lines = 0;
        int words = 0;
        for (PageLayout.Block block : layout.blocks()) {
            xml.writeStartElement("TextBlock");
            xml.writeAttribute("ID", "block_" + page + "_" + ++blocks);
            position(xml, block.box().inPixels(size));
            for (PageLayout.Line line : block.lines()) {
                xml.writeStartElement("TextLine");
                xml.writeAttribute("ID", "line_" + page + "_" + ++lines);
                position(xml, line.box().inPixels(size));
                PageLayout.Word previous = null;
                for (PageLayout.Word word : line.words()) {
                    int[] b = word.box().inPixels(size);
                    if (previous != null) {
                        // the space between two words, where there is one to measure
                        int[] p = previous.box().inPixels(size);
                        xml.writeEmptyElement("SP");
                        xml.writeAttribute("HPOS", Integer.toString(p[2]));
                        xml.writeAttribute("VPOS", Integer.toString(Math.min(p[1], b[1])));
                        xml.writeAttribute("WIDTH", Integer.toString(Math.max(0, b[0] - p[2])));
                    }
                    xml.writeEmptyElement("String");
                    xml.writeAttribute("ID", "string_" + page + "_" + ++words);
                    xml.writeAttribute("CONTENT", word.text());
                    position(xml, b);
                    previous = word;
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** HPOS, VPOS, WIDTH, HEIGHT from a pixel box {@code [left, top, right, bottom]}. */
    private static void position(XMLStreamWriter xml, int[] box) throws XMLStreamException {
        xml.writeAttribute("HPOS", Integer.toString(box[0]));
        xml.writeAttribute("VPOS", Integer.toString(box[1]));
        xml.writeAttribute("WIDTH", Integer.toString(box[2] - box[0]));
        xml.writeAttribute("HEIGHT", Integer.toString(box[3] - box[1]));
    }

}
