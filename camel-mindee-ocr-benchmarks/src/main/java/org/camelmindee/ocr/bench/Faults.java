package org.camelmindee.ocr.bench;

/**
 * What the simulated server does wrong, on purpose: each request draws its fate from a seeded generator.
 *
 * @param getErrors     share of GETs answered 502 with an HTML page (a proxy's), before the route runs
 * @param postErrors    share of enqueues answered 503 before a job is made
 * @param resets        share of requests whose connection is closed with no answer (the request was read; for an
 *                      enqueue no job was made, but the client cannot know that)
 * @param slow          share of requests answered late
 * @param slowSeconds   how late, in scenario seconds
 * @param throttleEvery every this many scenario seconds a burst of 429s starts (0: never)
 * @param throttleFor   and lasts this many scenario seconds: every request is answered 429, without Retry-After
 */
record Faults(double getErrors, double postErrors, double resets, double slow, double slowSeconds,
              double throttleEvery, double throttleFor) {

    static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, 0);
    static final Faults SOAK = new Faults(0.01, 0.005, 0.005, 0.005, 2, 300, 5);
    static final Faults SMOKE = new Faults(0.05, 0.05, 0.05, 0.05, 1, 20, 2);

    boolean any() {
        return !equals(NONE);
    }

    String describe() {
        if (!any()) {
            return "none";
        }
        return String.format("GET 502 %.1f %%, POST 503 %.1f %%, dropped connections %.1f %%, slow replies %.1f %% (%s s),"
                             + " 429 to everything for %s s every %s s", getErrors * 100, postErrors * 100,
                resets * 100, slow * 100, fmt(slowSeconds), fmt(throttleFor), fmt(throttleEvery));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
