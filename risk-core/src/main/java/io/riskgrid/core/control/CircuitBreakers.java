package io.riskgrid.core.control;

/**
 * The firm-wide circuit breakers. Each one trips the firm to HALTED:
 * <ul>
 *   <li>total loss: the firm's loss since the start of the day reaches {@code totalLossFraction} of its
 *       start-of-day equity (default 5%);</li>
 *   <li>rapid loss: firm equity falls by {@code rapidLossFraction} of start-of-day equity from its highest
 *       point within the last {@code rapidLossWindowMs} (default 2% within 60 s);</li>
 *   <li>alert cascade: {@code criticalAlertCount} or more alerts reach CRITICAL within
 *       {@code criticalAlertWindowMs} (default 10 within 60 s).</li>
 * </ul>
 * This record is immutable and thread-safe.
 */
public record CircuitBreakers(double totalLossFraction, double rapidLossFraction, long rapidLossWindowMs,
                              int criticalAlertCount, long criticalAlertWindowMs) implements java.io.Serializable {

    public static final CircuitBreakers DEFAULT = new CircuitBreakers(0.05, 0.02, 60_000, 10, 60_000);

    public CircuitBreakers {
        if (!(totalLossFraction > 0 && totalLossFraction <= 1)) {
            throw new IllegalArgumentException("totalLossFraction must be in (0, 1], was " + totalLossFraction);
        }
        if (!(rapidLossFraction > 0 && rapidLossFraction <= 1)) {
            throw new IllegalArgumentException("rapidLossFraction must be in (0, 1], was " + rapidLossFraction);
        }
        if (rapidLossWindowMs <= 0) {
            throw new IllegalArgumentException("rapidLossWindowMs must be positive, was " + rapidLossWindowMs);
        }
        if (criticalAlertCount <= 0) {
            throw new IllegalArgumentException("criticalAlertCount must be positive, was " + criticalAlertCount);
        }
        if (criticalAlertWindowMs <= 0) {
            throw new IllegalArgumentException("criticalAlertWindowMs must be positive, was " + criticalAlertWindowMs);
        }
    }
}
