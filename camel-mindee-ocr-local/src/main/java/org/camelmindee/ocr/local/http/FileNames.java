package org.camelmindee.ocr.local.http;

/**
 * File names as a client sent them, made safe to store and echo: no control characters (a NUL ends the name in C
 * and in many logs), at most {@link #MAX_LENGTH} characters with the extension kept.
 */
final class FileNames {

    /** What common file systems allow for one name. */
    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** The name without control characters, shortened to {@link #MAX_LENGTH}; null or blank stays null. */
    static String clean(String name) {
        if (name == null) {
            return null;
        }
        String clean = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.length() <= MAX_LENGTH) {
            return clean;
        }
        int dot = clean.lastIndexOf('.');
        String extension = dot > 0 && clean.length() - dot <= 16 ? clean.substring(dot) : "";
        int keep = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(clean.charAt(keep - 1))) {
            keep--;
        }
        return clean.substring(0, keep) + extension;
    }
}
