package io.riskgrid.core.control;

/**
 * A tripped firm-wide circuit breaker: which one, the value that tripped it and its threshold.
 * This record is immutable and thread-safe.
 *
 * @param breaker   TOTAL_LOSS, RAPID_LOSS or CRITICAL_ALERT_CASCADE
 * @param value     the figure that crossed (a loss amount, or a count of alerts)
 * @param threshold the level it crossed
 */
public record BreakerTrip(String breaker, double value, double threshold) {

    public static final String TOTAL_LOSS = "TOTAL_LOSS";
    public static final String RAPID_LOSS = "RAPID_LOSS";
    public static final String CRITICAL_ALERT_CASCADE = "CRITICAL_ALERT_CASCADE";

    /** A sentence for the audit log. */
    public String describe() {
        return breaker + " breaker tripped: " + value + " reached " + threshold;
    }
}
