package org.camelmindee.ocr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrWord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * hOCR and ALTO checked against their conventions (the nesting, the required attributes, boxes inside their page and
 * parents, unique ids) and for carrying every word of the result; ALTO also against the official ALTO 4.4 schema when
 * {@code -Dalto.xsd=<file>} names it (the schema is not shipped with the project: see docs/outputs.md).
 */
class LayoutFormatsTest {

    private static final Pattern BBOX = Pattern.compile("bbox (\\d+) (\\d+) (\\d+) (\\d+)");

    @Test
    void hocrNestsPagesBlocksLinesWordsWithBoxesAndCarriesEveryWord() throws Exception {
        for (Sample sample : samples()) {
            String hocr = HocrWriter.write(sample.response(), sample.sizes(), sample.name());
            Document xml = parse(hocr);
            assertEquals("http://www.w3.org/1999/xhtml", xml.getDocumentElement().getNamespaceURI());
            List<Element> pages = byClass(xml, "ocr_page");
            assertEquals(sample.pages().size(), pages.size());
            Set<String> ids = new HashSet<>();
            for (int p = 0; p < pages.size(); p++) {
                Element page = pages.get(p);
                int[] pageBox = bbox(page);
                PageSize size = sample.sizes().get(p);
                assertEquals(List.of(0, 0, size.width(), size.height()),
                        List.of(pageBox[0], pageBox[1], pageBox[2], pageBox[3]));
                assertTrue(page.getAttribute("title").contains("ppageno " + p));
                List<String> words = new ArrayList<>();
                for (Element word : descendants(page, "ocrx_word")) {
                    assertEquals("ocr_line", ((Element) word.getParentNode()).getAttribute("class"));
                    assertEquals("ocr_par", ((Element) word.getParentNode().getParentNode()).getAttribute("class"));
                    assertEquals("ocr_carea",
                            ((Element) word.getParentNode().getParentNode().getParentNode()).getAttribute("class"));
                    assertInside(bbox(word), bbox((Element) word.getParentNode()));
                    assertInside(bbox(word), pageBox);
                    words.add(word.getTextContent());
                }
                for (Element e : descendants(page, null)) {
                    assertTrue(ids.add(e.getAttribute("id")), "unique id " + e.getAttribute("id"));
                }
                assertSameWords(sample.pages().get(p), words);
            }
        }
    }

    @Test
    void altoNestsPagesBlocksLinesStringsInPixelsAndCarriesEveryWord() throws Exception {
        for (Sample sample : samples()) {
            String alto = AltoWriter.write(sample.response(), sample.sizes(), sample.name());
            Document xml = parse(alto);
            Element root = xml.getDocumentElement();
            assertEquals(AltoWriter.NAMESPACE, root.getNamespaceURI());
            assertEquals("pixel", xml.getElementsByTagNameNS(AltoWriter.NAMESPACE, "MeasurementUnit").item(0)
                    .getTextContent());
            NodeList pages = xml.getElementsByTagNameNS(AltoWriter.NAMESPACE, "Page");
            assertEquals(sample.pages().size(), pages.getLength());
            for (int p = 0; p < pages.getLength(); p++) {
                Element page = (Element) pages.item(p);
                assertEquals(Integer.toString(p + 1), page.getAttribute("PHYSICAL_IMG_NR"));
                assertEquals(sample.sizes().get(p).width(), Integer.parseInt(page.getAttribute("WIDTH")));
                int[] pageBox = { 0, 0, sample.sizes().get(p).width(), sample.sizes().get(p).height() };
                List<String> words = new ArrayList<>();
                NodeList strings = page.getElementsByTagNameNS(AltoWriter.NAMESPACE, "String");
                for (int s = 0; s < strings.getLength(); s++) {
                    Element string = (Element) strings.item(s);
                    Element line = (Element) string.getParentNode();
                    assertEquals("TextLine", line.getLocalName());
                    assertEquals("TextBlock", line.getParentNode().getLocalName());
                    assertEquals("PrintSpace", line.getParentNode().getParentNode().getLocalName());
                    assertInside(position(string), position(line));
                    assertInside(position(string), pageBox);
                    words.add(string.getAttribute("CONTENT"));
                }
                assertSameWords(sample.pages().get(p), words);
            }
            validateAgainstOfficialSchema(alto);
        }
    }

    /** Against the real ALTO 4.4 XSD, when -Dalto.xsd names a copy of it. */
    private static void validateAgainstOfficialSchema(String alto) throws Exception {
        String xsd = System.getProperty("alto.xsd");
        if (xsd == null) {
            return;
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // the schema imports xlink from loc.gov; no network here, and no xlink attribute is written: an empty stand-in
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> "http://www.w3.org/1999/xlink"
                .equals(namespace) ? new XlinkStandIn() : null);
        factory.newSchema(Path.of(xsd).toFile()).newValidator().validate(new StreamSource(new StringReader(alto)));
    }

    record Sample(String name, OcrResponse response, List<OcrPage> pages, List<PageSize> sizes) {
    }

    /** Synthetic two-column pages, and Mindee's real three-page answer when the shared test data is there. */
    private static List<Sample> samples() throws Exception {
        List<Sample> samples = new ArrayList<>();
        List<OcrPage> pages = List.of(ScannedPages.page(1240, 1754, 12, 11).ocr(),
                ScannedPages.page(1754, 1240, 8, 12).ocr());
        samples.add(new Sample("scan & co \"2\".tif", ScannedPages.response("scan.tif", "image/tiff", pages), pages,
                List.of(new PageSize(1240, 1754), new PageSize(1754, 1240))));
        Path real = Path.of("..", "..", "shared", "mindee-test-data", "v2", "products", "ocr", "ocr_multiple.json");
        if (Files.isRegularFile(real)) {
            OcrResponse response = MindeeJson.mapper().readValue(real.toFile(), OcrResponse.class);
            List<OcrPage> realPages = response.inference().result().pages();
            samples.add(new Sample("multiple.pdf", response, realPages,
                    realPages.stream().map(p -> new PageSize(2480, 3508)).toList()));
        } else {
            System.out.println("Mindee's real answer is not beside the project at " + real.toAbsolutePath()
                               + ": checking synthetic pages only");
        }
        assumeTrue(!samples.isEmpty());
        return samples;
    }

    private static void assertSameWords(OcrPage page, List<String> written) {
        List<String> expected = page.words().stream().map(OcrWord::content).map(String::strip)
                .filter(w -> !w.isEmpty()).sorted().collect(Collectors.toList());
        assertEquals(expected, written.stream().sorted().toList(), "every word, once");
    }

    private static void assertInside(int[] inner, int[] outer) {
        assertTrue(inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3],
                java.util.Arrays.toString(inner) + " inside " + java.util.Arrays.toString(outer));
        assertTrue(inner[2] > inner[0] && inner[3] > inner[1], "a box with an area");
    }

    private static int[] bbox(Element element) {
        Matcher m = BBOX.matcher(element.getAttribute("title"));
        assertTrue(m.find(), "a bbox in " + element.getAttribute("title"));
        return new int[] { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)) };
    }

    private static int[] position(Element element) {
        int left = (int) Float.parseFloat(element.getAttribute("HPOS"));
        int top = (int) Float.parseFloat(element.getAttribute("VPOS"));
        return new int[] { left, top, left + (int) Float.parseFloat(element.getAttribute("WIDTH")),
                top + (int) Float.parseFloat(element.getAttribute("HEIGHT")) };
    }

    private static List<Element> byClass(Document xml, String cls) {
        return descendants(xml.getDocumentElement(), cls);
    }

    /** Elements under {@code root} of the hOCR class, or every element with an id when {@code cls} is null. */
    private static List<Element> descendants(Element root, String cls) {
        List<Element> found = new ArrayList<>();
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls == null ? e.hasAttribute("id") : cls.equals(e.getAttribute("class"))) {
                found.add(e);
            }
        }
        return found;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // the XHTML DOCTYPE names a DTD on the web: well-formedness is what is checked, not the DTD
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** An xlink schema with nothing in it but the attribute group ALTO refers to. */
    private static final class XlinkStandIn implements org.w3c.dom.ls.LSInput {

        private static final String XSD = "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                                          + " targetNamespace=\"http://www.w3.org/1999/xlink\">"
                                          + "<xsd:attributeGroup name=\"simpleLink\"/></xsd:schema>";

        @Override
        public java.io.Reader getCharacterStream() {
            return new StringReader(XSD);
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {
        }

        @Override
        public java.io.InputStream getByteStream() {
            return null;
        }

        @Override
        public void setByteStream(java.io.InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return XSD;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public String getSystemId() {
            return "xlink-stand-in.xsd";
        }

        @Override
        public void setSystemId(String systemId) {
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String publicId) {
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseURI) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
