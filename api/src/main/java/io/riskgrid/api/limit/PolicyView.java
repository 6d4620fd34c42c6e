package io.riskgrid.api.limit;

/**
 * The firm's risk policy in force, as {@code GET /api/v1/policy} returns it: how breaches become
 * alerts and escalate, the drawdown tiers, and the circuit breakers. Fractions are fractions
 * (0.05 is 5%), durations milliseconds.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param alerts   alert severities, hysteresis and escalation
 * @param drawdown drawdown tiers
 * @param breakers firm-wide circuit breakers
 */
public record PolicyView(Alerts alerts, Drawdown drawdown, Breakers breakers) {

    /**
     * How breaches become alerts.
     *
     * @param thresholds           utilization at which a breach becomes each severity
     * @param hysteresis           utilization margin below a level before an alert steps down or resolves
     * @param highEscalationMs     time unacknowledged at HIGH before an alert is escalated
     * @param criticalEscalationMs time unacknowledged at CRITICAL before an alert is escalated
     */
    public record Alerts(Thresholds thresholds, double hysteresis, long highEscalationMs, long criticalEscalationMs) {
    }

    /** Utilizations at which a breach becomes LOW, MEDIUM, HIGH and CRITICAL. */
    public record Thresholds(double low, double medium, double high, double critical) {
    }

    /**
     * Drawdowns from peak equity at which trading is cut back.
     *
     * @param reduceSizeAt from here risk-increasing orders may leave no limit above {@code sizingFactor}
     * @param reducingAt   from here only risk-reducing orders pass
     * @param haltAt       from here no order passes
     * @param sizingFactor the cap on limit utilization in the REDUCE_SIZE tier
     */
    public record Drawdown(double reduceSizeAt, double reducingAt, double haltAt, double sizingFactor) {
    }

    /**
     * The circuit breakers, each of which halts the firm.
     *
     * @param totalLossFraction     the day's firm loss, as a fraction of start-of-day equity
     * @param rapidLossFraction     a fall of firm equity within {@code rapidLossWindowMs}, as a fraction of start-of-day equity
     * @param rapidLossWindowMs     the window of the rapid-loss breaker
     * @param criticalAlertCount    alerts reaching CRITICAL within {@code criticalAlertWindowMs}
     * @param criticalAlertWindowMs the window of the alert-cascade breaker
     */
    public record Breakers(double totalLossFraction, double rapidLossFraction, long rapidLossWindowMs,
                           int criticalAlertCount, long criticalAlertWindowMs) {
    }
}
