package org.camelmindee.ocr.output;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** What the XML outputs (hOCR, ALTO) share: the document written to a String, its error, a text-only element. */
final class XmlDocument {

    /** The document's content, between the XML declaration and its end. */
    interface Content {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private XmlDocument() {
    }

    static String write(String format, Content content) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            content.write(xml);
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write " + format + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
