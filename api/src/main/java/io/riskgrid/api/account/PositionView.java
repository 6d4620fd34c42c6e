package io.riskgrid.api.account;

/**
 * One position of an account as {@code GET /api/v1/accounts/{id}/positions} returns it. A closed
 * position (quantity 0) is listed while it holds realized P&L.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId     the account
 * @param instrumentId  the instrument
 * @param quantity      signed net quantity, negative when short
 * @param avgPrice      average open price, 0 when flat
 * @param realizedPnl   P&L realized by reducing the position
 * @param unrealizedPnl quantity x (mark - average price) x contract size
 * @param marketValue   quantity x mark x contract size
 * @param markPrice     the price the position is marked at
 * @param updatedAt     last change, epoch milliseconds
 */
public record PositionView(String accountId, String instrumentId, double quantity, double avgPrice,
                           double realizedPnl, double unrealizedPnl, double marketValue, double markPrice,
                           long updatedAt) {
}
