package io.riskgrid.core.pretrade;

import io.riskgrid.core.Guard;
import io.riskgrid.core.position.Side;

/**
 * An order to check before it is sent: which account, which instrument, which side, how much and
 * at what price. The pre-trade task carries it to the account's primary node, including from a thin
 * client by task name.
 * <p>
 * A plain class (not a record) so that Ignite's binary marshaller can carry it. Validated at
 * construction; immutable and thread-safe.
 */
public final class PreTradeOrder {

    private final String accountId;
    private final String instrumentId;
    private final String side;
    private final double quantity;
    private final double price;

    public PreTradeOrder(String accountId, String instrumentId, Side side, double quantity, double price) {
        this.accountId = Guard.notBlank(accountId, "accountId");
        this.instrumentId = Guard.notBlank(instrumentId, "instrumentId");
        this.side = Guard.notNull(side, "side").name();
        this.quantity = Guard.positive(quantity, "quantity");
        this.price = Guard.positive(price, "price");
    }

    public String accountId() {
        return accountId;
    }

    public String instrumentId() {
        return instrumentId;
    }

    public Side side() {
        return Side.valueOf(side);
    }

    public double quantity() {
        return quantity;
    }

    public double price() {
        return price;
    }
}
