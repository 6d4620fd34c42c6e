package io.riskgrid.core.stress;

/**
 * What a {@link Shock} moves: one instrument, every instrument of a sector, or every instrument of
 * an asset class. When several shocks of a scenario reach the same instrument, the most specific
 * one applies: INSTRUMENT before SECTOR before ASSET_CLASS (see {@link StressScenario#changeFor}).
 */
public enum ShockTarget {
    /** One instrument, by instrument id (compared exactly). */
    INSTRUMENT,
    /** Every instrument of a sector, e.g. TECH (compared ignoring case). */
    SECTOR,
    /** Every instrument of an asset class, e.g. EQUITY (compared ignoring case). */
    ASSET_CLASS
}
