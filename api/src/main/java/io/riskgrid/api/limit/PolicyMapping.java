package io.riskgrid.api.limit;

import io.riskgrid.core.alert.AlertPolicy;
import io.riskgrid.core.alert.SeverityThresholds;
import io.riskgrid.core.control.CircuitBreakers;
import io.riskgrid.core.control.DrawdownTiers;
import io.riskgrid.core.control.RiskPolicy;

import java.util.Locale;

/**
 * The one place where the domain's {@link RiskPolicy} becomes a REST record, and a line of the
 * audit log.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class PolicyMapping {

    private PolicyMapping() {
    }

    public static PolicyView toView(RiskPolicy p) {
        AlertPolicy a = p.alerts();
        SeverityThresholds t = a.thresholds();
        DrawdownTiers d = p.drawdown();
        CircuitBreakers b = p.breakers();
        return new PolicyView(
                new PolicyView.Alerts(new PolicyView.Thresholds(t.low(), t.medium(), t.high(), t.critical()),
                        a.hysteresis(), a.highEscalationMs(), a.criticalEscalationMs()),
                new PolicyView.Drawdown(d.reduceSizeAt(), d.reducingAt(), d.haltAt(), d.sizingFactor()),
                new PolicyView.Breakers(b.totalLossFraction(), b.rapidLossFraction(), b.rapidLossWindowMs(),
                        b.criticalAlertCount(), b.criticalAlertWindowMs()));
    }

    /** The policy in one line, as the audit log records it before and after a change. */
    public static String describe(RiskPolicy p) {
        AlertPolicy a = p.alerts();
        SeverityThresholds t = a.thresholds();
        DrawdownTiers d = p.drawdown();
        CircuitBreakers b = p.breakers();
        return String.format(Locale.ROOT, "severity %s/%s/%s/%s, hysteresis %s, escalation HIGH %d ms CRITICAL %d ms; "
                        + "drawdown tiers %s/%s/%s, sizing %s; breakers total loss %s, rapid loss %s in %d ms, "
                        + "%d CRITICAL alerts in %d ms",
                num(t.low()), num(t.medium()), num(t.high()), num(t.critical()), num(a.hysteresis()),
                a.highEscalationMs(), a.criticalEscalationMs(), num(d.reduceSizeAt()), num(d.reducingAt()),
                num(d.haltAt()), num(d.sizingFactor()), num(b.totalLossFraction()), num(b.rapidLossFraction()),
                b.rapidLossWindowMs(), b.criticalAlertCount(), b.criticalAlertWindowMs());
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
