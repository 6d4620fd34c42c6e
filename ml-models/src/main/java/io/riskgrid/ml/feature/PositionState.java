package io.riskgrid.ml.feature;

import io.riskgrid.core.Guard;

/**
 * One of an account's positions as the feature extractor sees it: net quantity marked at the
 * instrument's current price.
 * <p>
 * This record is immutable and thread-safe; a position state that exists is valid.
 *
 * @param instrumentId the instrument held
 * @param quantity     net quantity: positive long, negative short
 * @param price        current price per unit, strictly positive
 * @param contractSize currency value of one price unit per unit of quantity, strictly positive
 */
public record PositionState(String instrumentId, double quantity, double price, double contractSize) {

    public PositionState {
        Guard.notBlank(instrumentId, "instrumentId");
        Guard.finite(quantity, "quantity");
        Guard.positive(price, "price");
        Guard.positive(contractSize, "contractSize");
        Guard.finite(quantity * price * contractSize, "quantity * price * contractSize");
    }

    /** Signed market value: {@code quantity * price * contractSize} (negative for a short). */
    public double marketValue() {
        return quantity * price * contractSize;
    }
}
