package io.riskgrid.core.alert;

/**
 * Where an alert is in its life. An alert is ACTIVE when raised; ACKNOWLEDGED once a person has
 * taken it on; ESCALATED when it stayed unacknowledged at HIGH or CRITICAL for longer than the
 * policy allows; RESOLVED when the limit's utilization fell back below the warn level. A rise in
 * severity turns an ACKNOWLEDGED alert ACTIVE again, because what was acknowledged has changed.
 */
public enum AlertStatus {
    ACTIVE,
    ACKNOWLEDGED,
    ESCALATED,
    RESOLVED;

    /** True for every status but RESOLVED. */
    public boolean isOpen() {
        return this != RESOLVED;
    }
}
