package io.riskgrid.core.alert;

/**
 * The utilizations at which a breach becomes LOW, MEDIUM, HIGH and CRITICAL. Defaults are 0.50,
 * 0.75, 0.90 and 1.00; each must be positive and strictly greater than the one before.
 * <p>
 * This record is immutable and thread-safe.
 */
public record SeverityThresholds(double low, double medium, double high, double critical) implements java.io.Serializable {

    public static final SeverityThresholds DEFAULT = new SeverityThresholds(0.50, 0.75, 0.90, 1.00);

    public SeverityThresholds {
        if (!(low > 0 && Double.isFinite(critical))) {
            throw new IllegalArgumentException("severity thresholds must be positive finite numbers, were low=" + low
                    + " critical=" + critical);
        }
        if (!(low < medium && medium < high && high < critical)) {
            throw new IllegalArgumentException("severity thresholds must rise strictly from low to critical, were "
                    + low + ", " + medium + ", " + high + ", " + critical);
        }
    }

    /** The severity of a utilization, or null below the LOW threshold (or for NaN). */
    public Severity of(double utilization) {
        if (utilization >= critical) {
            return Severity.CRITICAL;
        }
        if (utilization >= high) {
            return Severity.HIGH;
        }
        if (utilization >= medium) {
            return Severity.MEDIUM;
        }
        if (utilization >= low) {
            return Severity.LOW;
        }
        return null;
    }

    /** The utilization at which {@code severity} begins. */
    public double threshold(Severity severity) {
        return switch (severity) {
            case LOW -> low;
            case MEDIUM -> medium;
            case HIGH -> high;
            case CRITICAL -> critical;
        };
    }
}
