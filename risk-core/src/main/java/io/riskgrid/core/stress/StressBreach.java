package io.riskgrid.core.stress;

import io.riskgrid.core.Guard;
import io.riskgrid.core.limit.LimitMetric;

import java.io.Serializable;

/**
 * A limit an account would be at or over if a stress scenario happened: the limit's value measured
 * on the stressed book, its maximum (the effective one, raised while an override lasts) and the
 * utilization value / max, which is at least 1.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param limitId     the limit
 * @param metric      what it measures
 * @param valueAfter  the limit's value after the stress (e.g. the day's loss, or gross notional)
 * @param maxValue    the limit's effective maximum
 * @param utilization valueAfter / maxValue
 */
public record StressBreach(String limitId, LimitMetric metric, double valueAfter, double maxValue, double utilization)
        implements Serializable {

    public StressBreach {
        Guard.notBlank(limitId, "limitId");
        Guard.notNull(metric, "metric");
        Guard.finite(valueAfter, "valueAfter");
        Guard.positive(maxValue, "maxValue");
        Guard.finite(utilization, "utilization");
    }
}
