package io.riskgrid.core.position;

/**
 * The book state of one position: signed net quantity, average open price and the P&L realized so
 * far. Short positions have a negative quantity. A flat position has quantity 0 and average price 0
 * and keeps its realized P&L.
 * <p>
 * This record is immutable and thread-safe.
 */
public record PositionState(double quantity, double avgPrice, double realizedPnl) {

    /** A position that has never traded. */
    public static final PositionState FLAT = new PositionState(0, 0, 0);

    /** True when no quantity is held. */
    public boolean isFlat() {
        return quantity == 0;
    }
}
