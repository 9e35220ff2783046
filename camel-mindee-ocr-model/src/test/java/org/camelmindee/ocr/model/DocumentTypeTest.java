package org.camelmindee.ocr.model;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DocumentTypeTest {

    private static byte[] bytes(String ascii) {
        byte[] b = new byte[32];
        byte[] a = ascii.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    @Test
    void typesAreRecognisedFromTheirFirstBytes() {
        assertEquals(DocumentType.PDF, DocumentType.sniff(bytes("%PDF-1.7\n")));
        assertEquals(DocumentType.PDF, DocumentType.sniff(bytes("junk before %PDF-1.4")));
        assertEquals(DocumentType.JPEG, DocumentType.sniff(bytes("\u00ff\u00d8\u00ff\u00e0")));
        assertEquals(DocumentType.PNG, DocumentType.sniff(bytes("\u0089PNG\r\n\u001a\n")));
        assertEquals(DocumentType.TIFF, DocumentType.sniff(bytes("II*\u0000")));
        assertEquals(DocumentType.TIFF, DocumentType.sniff(bytes("MM\u0000*")));
        assertEquals(DocumentType.WEBP, DocumentType.sniff(bytes("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ")));
        assertEquals(DocumentType.HEIC, DocumentType.sniff(bytes("\u0000\u0000\u0000\u0018ftypheic")));
        assertEquals(DocumentType.HEIF, DocumentType.sniff(bytes("\u0000\u0000\u0000\u0018ftypmif1")));
        assertNull(DocumentType.sniff(bytes("\u0000\u0000\u0000\u0018ftypisom")), "an MP4 video is not a document");
        assertNull(DocumentType.sniff(bytes("hello, world")));
        assertNull(DocumentType.sniff(new byte[3]));
        assertNull(DocumentType.sniff(null));
    }

    @Test
    void onlyTheGivenLengthAndTheFirstKilobyteCount() {
        byte[] pdf = bytes("%PDF-1.7\n");
        assertNull(DocumentType.sniff(pdf, 4), "the header is cut short");
        byte[] late = new byte[DocumentType.SNIFF_LENGTH + 64];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, late, DocumentType.SNIFF_LENGTH, 5);
        assertNull(DocumentType.sniff(late), "a header after the first kilobyte does not make a PDF");
    }
}
