package io.riskgrid.core.alert;

import io.riskgrid.core.Guard;

/**
 * How breaches become alerts and how alerts move.
 * <ul>
 *   <li>A breach opens when a limit's utilization reaches the limit's warn level, and its severity
 *       follows {@link #thresholds()} (at least LOW).</li>
 *   <li>Severity rises as soon as utilization reaches a higher threshold, but falls only once
 *       utilization is more than {@link #hysteresis()} below the threshold of the current severity;
 *       the breach resolves only once utilization is more than {@code hysteresis} below the warn
 *       level. A value hovering at a threshold therefore does not flap.</li>
 *   <li>An alert left unacknowledged at HIGH for {@link #highEscalationMs()} or at CRITICAL for
 *       {@link #criticalEscalationMs()} is ESCALATED.</li>
 * </ul>
 * Defaults: thresholds 0.50/0.75/0.90/1.00, hysteresis 0.05 (five points of utilization), HIGH
 * escalates after 5 minutes, CRITICAL after 1 minute.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param thresholds           severity thresholds
 * @param hysteresis           utilization margin below a level before the breach steps down, in [0, 0.5)
 * @param highEscalationMs     unacknowledged time at HIGH before escalation, ms, > 0
 * @param criticalEscalationMs unacknowledged time at CRITICAL before escalation, ms, > 0 and <= highEscalationMs
 */
public record AlertPolicy(SeverityThresholds thresholds, double hysteresis, long highEscalationMs,
                          long criticalEscalationMs) implements java.io.Serializable {

    public static final double DEFAULT_HYSTERESIS = 0.05;
    public static final long DEFAULT_HIGH_ESCALATION_MS = 300_000;
    public static final long DEFAULT_CRITICAL_ESCALATION_MS = 60_000;

    public static final AlertPolicy DEFAULT = new AlertPolicy(SeverityThresholds.DEFAULT, DEFAULT_HYSTERESIS,
            DEFAULT_HIGH_ESCALATION_MS, DEFAULT_CRITICAL_ESCALATION_MS);

    public AlertPolicy {
        Guard.notNull(thresholds, "thresholds");
        if (!(hysteresis >= 0 && hysteresis < 0.5)) {
            throw new IllegalArgumentException("hysteresis must be in [0, 0.5), was " + hysteresis);
        }
        if (highEscalationMs <= 0) {
            throw new IllegalArgumentException("highEscalationMs must be positive, was " + highEscalationMs);
        }
        if (criticalEscalationMs <= 0 || criticalEscalationMs > highEscalationMs) {
            throw new IllegalArgumentException("criticalEscalationMs must be positive and no longer than highEscalationMs ("
                    + highEscalationMs + "), was " + criticalEscalationMs);
        }
    }

    /**
     * The severity of a limit's breach after a new utilization, given its severity before (null when
     * no breach is open). Null means no breach is open afterwards. A NaN utilization (the figure is
     * not known yet) leaves the breach as it was.
     *
     * @param before      the open breach's severity, or null
     * @param utilization current / max of the limit
     * @param warnAt      the limit's warn level, the utilization at which a breach opens
     */
    public Severity next(Severity before, double utilization, double warnAt) {
        if (Double.isNaN(utilization)) {
            return before;
        }
        if (before == null) {
            return utilization >= warnAt ? atLeastLow(thresholds.of(utilization)) : null;
        }
        if (utilization < warnAt - hysteresis) {
            return null;
        }
        Severity now = atLeastLow(thresholds.of(utilization));
        if (now.above(before)) {
            return now;
        }
        if (utilization < thresholds.threshold(before) - hysteresis) {
            // Step down only to the level that utilization clears with the hysteresis margin.
            return atLeastLow(thresholds.of(utilization + hysteresis));
        }
        return before;
    }

    /**
     * True when an alert of this severity, unacknowledged and at this severity since {@code since},
     * is due for escalation at {@code now}.
     */
    public boolean escalationDue(Severity severity, long since, long now) {
        return switch (severity) {
            case CRITICAL -> now - since >= criticalEscalationMs;
            case HIGH -> now - since >= highEscalationMs;
            default -> false;
        };
    }

    private static Severity atLeastLow(Severity s) {
        return s == null ? Severity.LOW : s;
    }
}
