package org.camelmindee.ocr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.spi.annotations.Component;
import org.camelmindee.ocr.api.RateBudget;

/**
 * The component for a benchmark that runs {@code scale} times faster than real time: its rate budgets count the
 * account's limits over a window {@code scale} times shorter (60.5 s of scenario time). Everything else is the
 * component as shipped; the polling delays are set through the endpoint's options, in real milliseconds.
 * (In this package only because the budgets are made by package-private methods.)
 */
@Component("mindee-ocr")
public class ScaledTimeComponent extends MindeeOcrComponent {

    private final double scale;
    private final Map<String, RateBudget> budgets = new ConcurrentHashMap<>();

    public ScaledTimeComponent(double scale) {
        this.scale = scale;
    }

    @Override
    RateBudget enqueueBudget(String apiKey, int perMinute) {
        return budgets.computeIfAbsent("post:" + perMinute, k -> scaled(perMinute));
    }

    @Override
    RateBudget readBudget(String apiKey, int perMinute) {
        return budgets.computeIfAbsent("get:" + perMinute, k -> scaled(perMinute));
    }

    /** What the component learned of a model's processing times: quantiles 0.1, 0.5, 0.9 in scenario seconds. */
    public String learned(String modelId) {
        org.camelmindee.ocr.poll.PollPlanner times = pollPlanner(modelId);
        if (times.count() == 0) {
            return "no samples (no job was polled to its end)";
        }
        return String.format(java.util.Locale.ROOT, "%d samples, q10 %.2f s, q50 %.2f s, q90 %.2f s", times.count(),
                times.quantile(0.1) * scale / 1e9, times.quantile(0.5) * scale / 1e9,
                times.quantile(0.9) * scale / 1e9);
    }

    private RateBudget scaled(int perMinute) {
        return new RateBudget(perMinute, Math.round(60_500_000_000L / scale), TimeUnit.NANOSECONDS);
    }
}
