package org.camelmindee.ocr.examples;

import java.io.File;

import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The file a file consumer picked up, as a {@link File} body: what {@code getResult?resultFormat=searchablePdf} lays
 * the text on. (Camel converts no String to a File, and a String body would be taken for a URL.)
 */
public final class OriginalFile {

    private OriginalFile() {
    }

    public static File of(@Header(Exchange.FILE_PATH) String path) {
        return new File(path);
    }
}
