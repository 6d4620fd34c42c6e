package io.riskgrid.core.control;

import io.riskgrid.core.Guard;

/**
 * Watches firm-wide figures sampled over time and says when a {@link CircuitBreakers} breaker
 * trips. Feed it one sample per refresh tick; it keeps the firm equity samples of the rapid-loss
 * window in a ring buffer, so sampling allocates nothing.
 * <p>
 * Not thread-safe: one instance, owned by the node that watches the firm.
 */
public final class FirmBreakerMonitor {

    private final CircuitBreakers breakers;
    private final long[] times;
    private final double[] equities;
    private int head;
    private int count;

    /**
     * @param capacity most samples kept in the rapid-loss window; older ones are dropped first
     */
    public FirmBreakerMonitor(CircuitBreakers breakers, int capacity) {
        this.breakers = Guard.notNull(breakers, "breakers");
        Guard.positive(capacity, "capacity");
        this.times = new long[capacity];
        this.equities = new double[capacity];
    }

    public CircuitBreakers breakers() {
        return breakers;
    }

    /**
     * Records a sample and returns the first breaker it trips, or null.
     *
     * @param now              sample time, epoch ms
     * @param sodEquity        firm start-of-day equity (sum over accounts)
     * @param equity           firm equity now
     * @param criticalAlerts   alerts that reached CRITICAL within the cascade window before {@code now}
     */
    public BreakerTrip sample(long now, double sodEquity, double equity, int criticalAlerts) {
        if (!Double.isFinite(sodEquity) || !Double.isFinite(equity)) {
            // A figure that is not a number (an account mid-recovery) is not a sample: keeping it
            // would blind the rapid-loss window for its whole length.
            return criticalAlerts >= breakers.criticalAlertCount()
                    ? new BreakerTrip(BreakerTrip.CRITICAL_ALERT_CASCADE, criticalAlerts, breakers.criticalAlertCount()) : null;
        }
        append(now, equity);
        double base = Math.max(sodEquity, 0);
        double loss = sodEquity - equity;
        double totalLimit = breakers.totalLossFraction() * base;
        if (base > 0 && loss >= totalLimit) {
            return new BreakerTrip(BreakerTrip.TOTAL_LOSS, loss, totalLimit);
        }
        double high = equity;
        for (int k = 0; k < count; k++) {
            int i = (head - 1 - k + times.length) % times.length;
            if (now - times[i] > breakers.rapidLossWindowMs()) {
                break;
            }
            high = Math.max(high, equities[i]);
        }
        double rapid = high - equity;
        double rapidLimit = breakers.rapidLossFraction() * base;
        if (base > 0 && rapid >= rapidLimit) {
            return new BreakerTrip(BreakerTrip.RAPID_LOSS, rapid, rapidLimit);
        }
        if (criticalAlerts >= breakers.criticalAlertCount()) {
            return new BreakerTrip(BreakerTrip.CRITICAL_ALERT_CASCADE, criticalAlerts, breakers.criticalAlertCount());
        }
        return null;
    }

    /** Forgets the sampled history, after the firm is resumed. */
    public void reset() {
        head = 0;
        count = 0;
    }

    private void append(long now, double equity) {
        times[head] = now;
        equities[head] = equity;
        head = (head + 1) % times.length;
        count = Math.min(count + 1, times.length);
    }
}
