package org.camelmindee.ocr.model;

import java.util.regex.Pattern;

/** The API's ids (models, webhooks, jobs, inferences) are UUIDs in the 8-4-4-4-12 hex form, either case. */
public final class MindeeIds {

    private static final Pattern UUID_FORM
            = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private MindeeIds() {
    }

    /** Whether the text is a UUID as the API writes one (no braces, no spaces, no shortened groups). */
    public static boolean isUuid(String text) {
        return text != null && UUID_FORM.matcher(text).matches();
    }
}
