package io.riskgrid.compute.control;

import io.riskgrid.core.alert.AlertPolicy;
import io.riskgrid.core.alert.SeverityThresholds;
import io.riskgrid.core.control.CircuitBreakers;
import io.riskgrid.core.control.DrawdownTiers;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.PolicyRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * Reads and writes the grid's one {@link RiskPolicy} (table RISK_POLICY). A grid with no policy
 * row uses {@link RiskPolicy#DEFAULT}. The table is replicated, so a read is local on a server node.
 * <p>
 * This class is thread-safe.
 */
public final class PolicyStore {

    private final IgniteCache<String, PolicyRow> cache;

    public PolicyStore(Ignite ignite) {
        this.cache = ignite.cache(GridTables.RISK_POLICY);
    }

    /** The policy in force. */
    public RiskPolicy read() {
        PolicyRow row = cache.get(GridTables.DEFAULT_POLICY);
        return row == null ? RiskPolicy.DEFAULT : toPolicy(row);
    }

    /** Replaces the policy. */
    public void write(RiskPolicy policy, long now) {
        cache.put(GridTables.DEFAULT_POLICY, toRow(policy, now));
    }

    static RiskPolicy toPolicy(PolicyRow r) {
        return new RiskPolicy(
                new AlertPolicy(new SeverityThresholds(r.severityLow, r.severityMedium, r.severityHigh, r.severityCritical),
                        r.hysteresis, r.highEscalationMs, r.criticalEscalationMs),
                new DrawdownTiers(r.reduceSizeAt, r.reducingAt, r.haltAt, r.sizingFactor),
                new CircuitBreakers(r.totalLossFraction, r.rapidLossFraction, r.rapidLossWindowMs, r.criticalAlertCount,
                        r.criticalAlertWindowMs));
    }

    static PolicyRow toRow(RiskPolicy p, long now) {
        PolicyRow r = new PolicyRow();
        SeverityThresholds t = p.alerts().thresholds();
        r.severityLow = t.low();
        r.severityMedium = t.medium();
        r.severityHigh = t.high();
        r.severityCritical = t.critical();
        r.hysteresis = p.alerts().hysteresis();
        r.highEscalationMs = p.alerts().highEscalationMs();
        r.criticalEscalationMs = p.alerts().criticalEscalationMs();
        r.reduceSizeAt = p.drawdown().reduceSizeAt();
        r.reducingAt = p.drawdown().reducingAt();
        r.haltAt = p.drawdown().haltAt();
        r.sizingFactor = p.drawdown().sizingFactor();
        r.totalLossFraction = p.breakers().totalLossFraction();
        r.rapidLossFraction = p.breakers().rapidLossFraction();
        r.rapidLossWindowMs = p.breakers().rapidLossWindowMs();
        r.criticalAlertCount = p.breakers().criticalAlertCount();
        r.criticalAlertWindowMs = p.breakers().criticalAlertWindowMs();
        r.updatedAt = now;
        return r;
    }
}
