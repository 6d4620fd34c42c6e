package io.riskgrid.ml.feature;

import io.riskgrid.core.Guard;
import io.riskgrid.core.position.Fill;

/**
 * One fill as the feature extractor sees it: when, what, how much (signed) and at what price, with
 * the instrument's contract size so that its notional is known without reference data.
 * <p>
 * This record is immutable and thread-safe; a fill event that exists is valid.
 *
 * @param ts             execution time, epoch milliseconds
 * @param instrumentId   the instrument traded
 * @param signedQuantity units traded: positive for a buy, negative for a sell, never zero
 * @param price          execution price per unit, strictly positive
 * @param contractSize   currency value of one price unit per unit of quantity, strictly positive
 */
public record FillEvent(long ts, String instrumentId, double signedQuantity, double price, double contractSize) {

    public FillEvent {
        Guard.notBlank(instrumentId, "instrumentId");
        Guard.finite(signedQuantity, "signedQuantity");
        if (signedQuantity == 0) {
            throw new IllegalArgumentException("signedQuantity must not be zero");
        }
        Guard.positive(price, "price");
        Guard.positive(contractSize, "contractSize");
        Guard.finite(signedQuantity * price * contractSize, "signedQuantity * price * contractSize");
    }

    /** The fill event of a domain fill, with its instrument's contract size. */
    public static FillEvent of(Fill fill, double contractSize) {
        Guard.notNull(fill, "fill");
        return new FillEvent(fill.timestamp(), fill.instrumentId(), fill.signedQuantity(), fill.price(), contractSize);
    }

    /** Money traded, always positive: {@code |signedQuantity| * price * contractSize}. */
    public double notional() {
        return Math.abs(signedQuantity) * price * contractSize;
    }

    /** Value of one unit of quantity at this fill's price: {@code price * contractSize}. */
    public double unitValue() {
        return price * contractSize;
    }
}
