package io.riskgrid.ml.simulation;

/** The labelled trading incidents the simulator can inject into one account's order flow. */
public enum IncidentType {
    /** An algorithm out of control: a burst of fills far above the account's usual rate, all one way, in one instrument. */
    RUNAWAY_ALGO,
    /** One order tens of times the account's usual size. */
    FAT_FINGER,
    /** Steady buying of one instrument until it dominates the book. */
    CONCENTRATION_BUILDUP
}
