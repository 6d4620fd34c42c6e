package io.riskgrid.core.position;

import io.riskgrid.core.Guard;

/**
 * An execution: {@code quantity} units of an instrument bought or sold for an account at a price.
 * Fills are idempotent by {@code fillId}: the grid applies a fill delivered twice once.
 * <p>
 * This record is immutable and thread-safe; a fill that exists is valid.
 *
 * @param fillId       unique id of the execution, chosen by the sender
 * @param accountId    the account the fill books to
 * @param instrumentId the instrument traded
 * @param side         BUY or SELL
 * @param quantity     units traded, strictly positive (the side carries the sign)
 * @param price        execution price per unit, strictly positive
 * @param timestamp    execution time, epoch milliseconds
 * @param strategy     optional strategy tag
 * @param venue        optional execution venue
 */
public record Fill(String fillId, String accountId, String instrumentId, Side side, double quantity,
                   double price, long timestamp, String strategy, String venue) {

    public Fill {
        Guard.notBlank(fillId, "fillId");
        Guard.notBlank(accountId, "accountId");
        Guard.notBlank(instrumentId, "instrumentId");
        Guard.notNull(side, "side");
        Guard.positive(quantity, "quantity");
        Guard.positive(price, "price");
    }

    /** A fill without strategy or venue tags. */
    public static Fill of(String fillId, String accountId, String instrumentId, Side side, double quantity,
                          double price, long timestamp) {
        return new Fill(fillId, accountId, instrumentId, side, quantity, price, timestamp, null, null);
    }

    /** The signed quantity change: positive for a buy, negative for a sell. */
    public double signedQuantity() {
        return side.sign() * quantity;
    }
}
