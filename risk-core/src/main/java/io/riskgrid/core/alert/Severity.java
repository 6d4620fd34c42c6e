package io.riskgrid.core.alert;

/** How serious a limit breach is, from the utilization of the limit. Ordered from least to most serious. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** True when this severity is more serious than {@code other}; anything is more serious than null. */
    public boolean above(Severity other) {
        return other == null || ordinal() > other.ordinal();
    }
}
