package io.riskgrid.core.sizing;

import io.riskgrid.core.Guard;

/**
 * Where to exit a position: the price at which to cut the loss and the price at which to take the
 * profit. For a long both are on either side of the entry (stop below, target above); for a short,
 * the other way round.
 * <p>
 * This record is immutable and thread-safe.
 */
public record StopLevels(double stopLoss, double takeProfit) {

    public StopLevels {
        Guard.positive(stopLoss, "stopLoss");
        Guard.positive(takeProfit, "takeProfit");
    }
}
