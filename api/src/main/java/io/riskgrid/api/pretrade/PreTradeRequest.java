package io.riskgrid.api.pretrade;

/**
 * An order to check, as a client sends it to {@code POST /api/v1/pretrade/check}. Every field is
 * nullable here so that a missing field is reported by name; {@link PreTradeMapping} turns it into
 * a validated domain order.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId    the account that would place the order
 * @param instrumentId the instrument
 * @param side         BUY or SELL
 * @param quantity     units, positive
 * @param price        the order's price, positive; the position after the order is valued at it
 */
public record PreTradeRequest(String accountId, String instrumentId, String side, Double quantity, Double price) {
}
