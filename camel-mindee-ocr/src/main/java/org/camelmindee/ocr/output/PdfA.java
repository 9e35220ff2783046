package org.camelmindee.ocr.output;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * Makes a document declare PDF/A-2b: the identification and the document information in XMP metadata (kept equal to
 * the Info dictionary, as PDF/A requires) and an sRGB output intent, the profile taken from the JDK. The rest of
 * PDF/A-2b (embedded fonts, no encryption, device colours covered by the intent) is what the writer already does for
 * the pages it makes; the pages of an original PDF are kept as they are, so they conform only if they did.
 */
final class PdfA {

    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final String TOOL = "camel-mindee-ocr";

    private PdfA() {
    }

    static void declare(PDDocument document) throws IOException {
        document.setVersion(Math.max(document.getVersion(), 1.7f));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setProducer(TOOL);
        if (info.getCreator() == null) {
            info.setCreator(TOOL);
        }
        if (info.getCreationDate() == null) {
            info.setCreationDate(GregorianCalendar.from(now));
        }
        info.setModificationDate(GregorianCalendar.from(now));
        // an Info entry without its XMP twin breaks PDF/A: Trapped is the one of the standard entries not mirrored
        info.getCOSObject().removeItem(COSName.TRAPPED);

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(info).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);

        if (catalog.getOutputIntents().isEmpty()) {
            byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
            intent.setInfo(SRGB);
            intent.setOutputCondition(SRGB);
            intent.setOutputConditionIdentifier(SRGB);
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        }
    }

    private static String xmp(PDDocumentInformation info) {
        StringBuilder xmp = new StringBuilder();
        xmp.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">")
                .append("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">")
                .append("<pdf:Producer>").append(escape(info.getProducer())).append("</pdf:Producer>");
        if (info.getKeywords() != null) {
            xmp.append("<pdf:Keywords>").append(escape(info.getKeywords())).append("</pdf:Keywords>");
        }
        xmp.append("</rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">")
                .append("<xmp:CreatorTool>").append(escape(info.getCreator())).append("</xmp:CreatorTool>")
                .append("<xmp:CreateDate>").append(date(info.getCreationDate())).append("</xmp:CreateDate>")
                .append("<xmp:ModifyDate>").append(date(info.getModificationDate())).append("</xmp:ModifyDate>")
                .append("</rdf:Description>\n");
        if (info.getTitle() != null || info.getAuthor() != null || info.getSubject() != null) {
            xmp.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
            if (info.getTitle() != null) {
                xmp.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(info.getTitle()))
                        .append("</rdf:li></rdf:Alt></dc:title>");
            }
            if (info.getAuthor() != null) {
                xmp.append("<dc:creator><rdf:Seq><rdf:li>").append(escape(info.getAuthor()))
                        .append("</rdf:li></rdf:Seq></dc:creator>");
            }
            if (info.getSubject() != null) {
                xmp.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(info.getSubject()))
                        .append("</rdf:li></rdf:Alt></dc:description>");
            }
            xmp.append("</rdf:Description>\n");
        }
        return xmp.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>").toString();
    }

    private static String date(java.util.Calendar calendar) {
        return calendar.toInstant().atOffset(calendar.getTimeZone().toZoneId().getRules()
                .getOffset(calendar.toInstant())).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
