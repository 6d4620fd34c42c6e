package io.riskgrid.core.control;

import io.riskgrid.core.Guard;
import io.riskgrid.core.alert.AlertPolicy;

/**
 * The firm's risk-control settings that are not limits of one account: how breaches become alerts
 * and escalate, the drawdown tiers, and the firm-wide circuit breakers. The grid holds one policy
 * (table RISK_POLICY); a limits file may replace it at start.
 * <p>
 * This record is immutable and thread-safe.
 */
public record RiskPolicy(AlertPolicy alerts, DrawdownTiers drawdown, CircuitBreakers breakers)
        implements java.io.Serializable {

    public static final RiskPolicy DEFAULT = new RiskPolicy(AlertPolicy.DEFAULT, DrawdownTiers.DEFAULT,
            CircuitBreakers.DEFAULT);

    public RiskPolicy {
        Guard.notNull(alerts, "alerts");
        Guard.notNull(drawdown, "drawdown");
        Guard.notNull(breakers, "breakers");
    }
}
