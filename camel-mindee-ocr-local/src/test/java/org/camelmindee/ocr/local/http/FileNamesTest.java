package org.camelmindee.ocr.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** File names as clients send them, made safe to store and echo. */
class FileNamesTest {

    @Test
    void fileNamesLoseControlCharactersAndAreShortened() {
        assertEquals("invoice.pdf", FileNames.clean("in\u0000voice.pdf"));
        String longName = FileNames.clean("a".repeat(10_000) + ".pdf");
        assertEquals(FileNames.MAX_LENGTH, longName.length());
        assertTrue(longName.endsWith(".pdf"));
        assertEquals(null, FileNames.clean("\u0000\r\n"));
    }
}
