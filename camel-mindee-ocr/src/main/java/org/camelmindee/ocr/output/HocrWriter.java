package org.camelmindee.ocr.output;

import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;

import static org.camelmindee.ocr.output.XmlDocument.element;

/**
 * Writes a result as hOCR 1.2 (XHTML): {@code ocr_page} > {@code ocr_carea} > {@code ocr_par} > {@code ocr_line} >
 * {@code ocrx_word}, each with its {@code bbox} in pixels of its page, in reading order ({@link ReadingOrder}).
 * Mindee gives no confidence, so there is no {@code x_wconf}.
 */
public final class HocrWriter {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private HocrWriter() {
    }

    /**
     * @param sizes    each page's size in pixels, in order; a page past the end of the list is taken as
     *                 {@link PageSize#UNKNOWN}
     * @param filename the original's name, for each page's {@code image} property; may be null
     */
    public static String write(OcrResponse response, List<PageSize> sizes, String filename) {
        List<OcrPage> pages = OutputPages.of(response);
        return XmlDocument.write("hOCR", xml -> {
            xml.writeDTD("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\""
                         + " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">");
            xml.writeCharacters("\n");
            xml.writeStartElement("html");
            xml.writeDefaultNamespace(XHTML);
            xml.writeCharacters("\n");
            xml.writeStartElement("head");
            element(xml, "title", filename == null ? "" : filename);
            meta(xml, "ocr-system", "camel-mindee-ocr");
            meta(xml, "ocr-capabilities", "ocr_page ocr_carea ocr_par ocr_line ocrx_word");
            meta(xml, "ocr-number-of-pages", Integer.toString(pages.size()));
            xml.writeEmptyElement("meta");
            xml.writeAttribute("http-equiv", "Content-Type");
            xml.writeAttribute("content", "text/html; charset=utf-8");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeStartElement("body");
            xml.writeCharacters("\n");
            for (int p = 0; p < pages.size(); p++) {
                writePage(xml, PageLayout.of(pages.get(p)), OutputPages.size(sizes, p), filename, p);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    private static void writePage(XMLStreamWriter xml, PageLayout layout, PageSize size, String filename, int index)
            throws XMLStreamException {
        int page = index + 1;
        String image = filename == null ? "" : "image \"" + filename.replace("\"", "") + "\"; ";
        xml.writeStartElement("div");
        xml.writeAttribute("class", "ocr_page");
        xml.writeAttribute("id", "page_" + page);
        xml.writeAttribute("title", image + "bbox 0 0 " + size.width() + " " + size.height() + "; ppageno " + index);
        xml.writeCharacters("\n");
        int blocks = 0;
        int lines = 0;
        int words = 0;
        for (PageLayout.Block block : layout.blocks()) {
            blocks++;
            open(xml, "div", "ocr_carea", "block_" + page + "_" + blocks, block.box(), size);
            open(xml, "p", "ocr_par", "par_" + page + "_" + blocks, block.box(), size);
            for (PageLayout.Line line : block.lines()) {
                lines++;
                open(xml, "span", "ocr_line", "line_" + page + "_" + lines, line.box(), size);
                for (int w = 0; w < line.words().size(); w++) {
                    PageLayout.Word word = line.words().get(w);
                    words++;
                    if (w > 0) {
                        xml.writeCharacters(" ");
                    }
                    open(xml, "span", "ocrx_word", "word_" + page + "_" + words, word.box(), size);
                    xml.writeCharacters(word.text());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void open(XMLStreamWriter xml, String element, String cls, String id, Box box, PageSize size)
            throws XMLStreamException {
        int[] b = box.inPixels(size);
        xml.writeStartElement(element);
        xml.writeAttribute("class", cls);
        xml.writeAttribute("id", id);
        xml.writeAttribute("title", "bbox " + b[0] + " " + b[1] + " " + b[2] + " " + b[3]);
    }

    private static void meta(XMLStreamWriter xml, String name, String content) throws XMLStreamException {
        xml.writeEmptyElement("meta");
        xml.writeAttribute("name", name);
        xml.writeAttribute("content", content);
    }

}
