package org.camelmindee.ocr.local.recognition;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.camelmindee.ocr.local.TestPages;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;

/**
 * Other languages in one step: {@code languages("fra")} alone finds French where the system's packages put it
 * ({@code apt-get install tesseract-ocr-fra}, as {@code .ci/run} does), and accented words come out right. Skipped,
 * saying why, where the language's package is not installed.
 */
class LanguagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fra|Facture 2024-118 du 3 février|Société Générale des Eaux, 12 rue de l'Église, Besançon|Reçu à "
            + "régler avant l'échéance : déjà payé",
        "deu|Rechnung vom 14. März für Straßenbau|Grüße aus Köln, Müller & Söhne GmbH, Hauptstraße 7|Zahlbar "
            + "innerhalb von 30 Tagen über Überweisung",
        "spa|Factura número 77 del año fiscal|Compañía Ibérica de Señalización, Calle Mayor 5, Logroño|Recibí la "
            + "cantidad en efectivo; pagó el señor Núñez" })
    void readsAccentedWordsOfTheLanguage(String language, String line1, String line2, String line3) throws Exception {
        try {
            Tessdata.resolve(null, language);
        } catch (IllegalStateException e) {
            assumeTrue(false, "no " + language + ".traineddata installed: " + e.getMessage());
        }
        List<String> lines = List.of(line1, line2, line3);
        byte[] page = TestPages.png(TestPages.textLines(lines));
        String expected = String.join(" ", lines);
        try (TesseractRecognizer english = new TesseractRecognizer();
             TesseractRecognizer native_ = new TesseractRecognizer(OcrSettings.defaults().withLanguages(language))) {
            OcrPage withEnglish = english.recognize(page, DocumentType.PNG).get(0);
            OcrPage withLanguage = native_.recognize(page, DocumentType.PNG).get(0);
            double englishCer = TestPages.cer(expected, withEnglish.content());
            double languageCer = TestPages.cer(expected, withLanguage.content());
            assertTrue(languageCer < 0.01, language + " read " + withLanguage.content() + " (CER " + languageCer + ")");
            assertTrue(languageCer < englishCer,
                    "the language's model reads its accents better than English: " + languageCer + " vs " + englishCer);
            for (String word : TestPages.words(expected)) {
                if (!word.chars().allMatch(c -> c < 128)) {
                    assertTrue(withLanguage.words().stream().anyMatch(w -> w.content().equals(word)),
                            word + " in " + withLanguage.content());
                }
            }
        }
    }
}
