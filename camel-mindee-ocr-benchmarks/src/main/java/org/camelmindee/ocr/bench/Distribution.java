package org.camelmindee.ocr.bench;

import java.util.SplittableRandom;

/**
 * Processing times in scenario seconds, drawn per document index from a fixed seed: every client of a scenario meets
 * the same time for the same document.
 */
interface Distribution {

    double seconds(int index);

    String describe();

    /** Log-normal: {@code median * exp(sigma * Z)}. */
    static Distribution logNormal(double median, double sigma, long seed) {
        return new Distribution() {
            @Override
            public double seconds(int index) {
                return median * Math.exp(sigma * new SplittableRandom(seed * 1_000_003L + index).nextGaussian());
            }

            @Override
            public String describe() {
                return "log-normal, median " + fmt(median) + " s, sigma " + fmt(sigma);
            }
        };
    }

    /** Uniform between {@code min} and {@code max}. */
    static Distribution uniform(double min, double max, long seed) {
        return new Distribution() {
            @Override
            public double seconds(int index) {
                return min + (max - min) * new SplittableRandom(seed * 1_000_003L + index).nextDouble();
            }

            @Override
            public String describe() {
                return "uniform " + fmt(min) + " to " + fmt(max) + " s";
            }
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
