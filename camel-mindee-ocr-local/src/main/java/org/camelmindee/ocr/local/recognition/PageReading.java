package org.camelmindee.ocr.local.recognition;

import java.util.List;

/**
 * The words read from a page prepared one way, and how good that reading looks. A page upside down reads as few,
 * doubtful words; a page lying sideways Tesseract may read well, but as vertical lines, whose word boxes (spanning
 * their line) are no use as polygons. An upright page of text reads as many confident, horizontal words.
 *
 * @param words     in reading order
 * @param transform how the prepared page maps back to the original
 */
record PageReading(List<RecognizedWord> words, PageTransform transform) {

    // a word Tesseract is this sure of is text it reads the right way up
    private static final float CONFIDENT = 80f;
    // a reading is doubtful when fewer of its characters than this are in confident words
    private static final double CONFIDENT_SHARE = 0.6;
    // words this long are wider than high when their line is horizontal
    private static final int LONG_WORD = 3;

    /** Characters in confident words: what a reading is worth. */
    int confidentCharacters() {
        return words.stream().filter(w -> w.confidence() >= CONFIDENT).mapToInt(w -> w.text().length()).sum();
    }

    /** True when most words of three letters or more stand higher than wide: the lines run down the page. */
    boolean vertical() {
        List<RecognizedWord> longWords = words.stream().filter(w -> w.text().length() >= LONG_WORD).toList();
        long standing = longWords.stream().filter(w -> w.bottom() - w.top() > w.right() - w.left()).count();
        return !longWords.isEmpty() && standing * 2 > longWords.size();
    }

    /** True when none or few of the characters were read with confidence, or the lines run down the page. */
    boolean doubtful() {
        int characters = words.stream().mapToInt(w -> w.text().length()).sum();
        return characters == 0 || confidentCharacters() < CONFIDENT_SHARE * characters || vertical();
    }

    /**
     * This reading or {@code other}: a horizontal one over a vertical one, else the one with more characters in
     * confident words; this one on a tie.
     */
    PageReading better(PageReading other) {
        if (vertical() != other.vertical()) {
            return vertical() ? other : this;
        }
        return other.confidentCharacters() > confidentCharacters() ? other : this;
    }
}
