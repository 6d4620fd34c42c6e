package io.riskgrid.ml.forecast;

import io.riskgrid.core.limit.LimitMetric;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * How configured limits are tightened when an account's forecast volatility runs above its long-run
 * level (see {@link AdaptiveLimits#factor(double, double, AdaptiveLimitPolicy)}). This record is
 * immutable and thread-safe.
 *
 * @param triggerRatio   forecast / long-run volatility above which limits tighten, at least 1
 *                       (default {@value #DEFAULT_TRIGGER_RATIO}: a quarter above normal)
 * @param floor          the smallest factor a limit is multiplied by, in (0, 1]
 *                       (default {@value #DEFAULT_FLOOR}: a limit never drops below half its configured value)
 * @param enabledMetrics names of the {@link LimitMetric}s that adapt (default GROSS_NOTIONAL and VAR_99,
 *                       the two limits that measure exposure to price moves); the others keep their
 *                       configured value
 */
public record AdaptiveLimitPolicy(double triggerRatio, double floor, Set<String> enabledMetrics) {

    public static final double DEFAULT_TRIGGER_RATIO = 1.25;
    public static final double DEFAULT_FLOOR = 0.5;
    public static final Set<String> DEFAULT_ENABLED_METRICS =
            Set.of(LimitMetric.GROSS_NOTIONAL.name(), LimitMetric.VAR_99.name());
    /** Trigger 1.25, floor 0.5, gross notional and 99% VaR limits. */
    public static final AdaptiveLimitPolicy DEFAULT =
            new AdaptiveLimitPolicy(DEFAULT_TRIGGER_RATIO, DEFAULT_FLOOR, DEFAULT_ENABLED_METRICS);

    public AdaptiveLimitPolicy {
        if (!(triggerRatio >= 1) || Double.isInfinite(triggerRatio)) {
            throw new IllegalArgumentException("triggerRatio must be a finite number of at least 1, was " + triggerRatio);
        }
        if (!(floor > 0 && floor <= 1)) {
            throw new IllegalArgumentException("floor must be in (0, 1], was " + floor);
        }
        if (enabledMetrics == null) {
            throw new IllegalArgumentException("enabledMetrics is required");
        }
        TreeSet<String> metrics = new TreeSet<>();
        for (String m : enabledMetrics) {
            try {
                metrics.add(LimitMetric.valueOf(m).name());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("enabledMetrics must name limit metrics, had " + m, e);
            }
        }
        enabledMetrics = Collections.unmodifiableSet(metrics);
    }

    /** Whether limits of this metric (a {@link LimitMetric} name) adapt. */
    public boolean appliesTo(String metric) {
        return metric != null && enabledMetrics.contains(metric);
    }
}
