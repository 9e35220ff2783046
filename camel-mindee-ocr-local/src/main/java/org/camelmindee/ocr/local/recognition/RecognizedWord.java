package org.camelmindee.ocr.local.recognition;

/**
 * A word as Tesseract read it, in pixels of the preprocessed page, before its box is mapped onto the original page.
 *
 * @param startsParagraph the word opens a paragraph (the page text puts a line break before it)
 */
record RecognizedWord(String text, float confidence, boolean startsParagraph, int left, int top, int right,
                      int bottom) {
}
