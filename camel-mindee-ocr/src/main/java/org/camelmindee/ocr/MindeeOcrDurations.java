package org.camelmindee.ocr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration options, and the one form read here rather than by Camel: a decimal number with a unit ({@code 1.5s},
 * {@code 0.5m}), which Camel's String to Duration conversion refuses. Every other value goes to Camel as written, so
 * {@code 1500}, {@code 500ms}, {@code 10m}, {@code 1m30s} and {@code PT1.5S} mean what they mean anywhere in Camel, and
 * a value Camel cannot read fails with the option's name.
 */
public final class MindeeOcrDurations {

    /** The options whose type is a duration (the configuration holds them as milliseconds). */
    public static final Set<String> OPTIONS
            = Set.of("connectTimeout", "requestTimeout", "pollInitialDelay", "pollInterval", "pollTimeout");

    private static final Pattern DECIMAL = Pattern.compile("(\\d+\\.\\d+)\\s*(ms|s|m|h|d)");
    private static final Map<String, Long> UNIT_MILLIS
            = Map.of("ms", 1L, "s", 1000L, "m", 60_000L, "h", 3_600_000L, "d", 86_400_000L);

    private MindeeOcrDurations() {
    }

    /** The value to hand to Camel: milliseconds for a decimal with a unit, otherwise the value unchanged. */
    public static Object normalize(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        Matcher m = DECIMAL.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return value;
        }
        BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNIT_MILLIS.get(m.group(2))));
        return Long.toString(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Normalizes the duration options of a map of options, in place. */
    public static void normalize(Map<String, Object> options) {
        OPTIONS.forEach(option -> options.computeIfPresent(option, (k, v) -> normalize(v)));
    }
}
