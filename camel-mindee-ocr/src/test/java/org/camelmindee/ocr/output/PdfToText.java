package org.camelmindee.ocr.output;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Poppler's {@code pdftotext -bbox}: what another PDF reader finds in a file, each word with its box in points from the
 * top left of the page as displayed. Tests that need it skip when it is not installed ({@code .ci/run} installs
 * poppler-utils).
 */
final class PdfToText {

    record Word(String text, double left, double top, double right, double bottom) {
    }

    record Page(double width, double height, List<Word> words) {
    }

    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">");
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.-]+)\" yMin=\"([\\d.-]+)\" xMax=\"([\\d.-]+)\" yMax=\"([\\d.-]+)\">([^<]*)</word>");

    private PdfToText() {
    }

    static void assumeInstalled() {
        boolean found;
        try {
            Process p = new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            found = p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            found = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = false;
        }
        assumeTrue(found, "pdftotext (poppler-utils) is not installed: apt-get install -y poppler-utils to run the"
                          + " round trip through another PDF reader");
    }

    static List<Page> read(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdftotext", "-bbox", pdf.toString(), "-").redirectErrorStream(false).start();
        String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        List<Page> pages = new ArrayList<>();
        for (String chunk : html.split("</page>")) {
            Matcher page = PAGE.matcher(chunk);
            if (!page.find()) {
                continue;
            }
            List<Word> words = new ArrayList<>();
            Matcher word = WORD.matcher(chunk);
            while (word.find()) {
                words.add(new Word(unescape(word.group(5)), Double.parseDouble(word.group(1)),
                        Double.parseDouble(word.group(2)), Double.parseDouble(word.group(3)),
                        Double.parseDouble(word.group(4))));
            }
            pages.add(new Page(Double.parseDouble(page.group(1)), Double.parseDouble(page.group(2)), words));
        }
        return pages;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
