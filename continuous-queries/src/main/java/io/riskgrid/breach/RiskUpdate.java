package io.riskgrid.breach;

import io.riskgrid.core.account.TradingState;
import io.riskgrid.grid.schema.AccountRiskRow;

/**
 * A material change of one account's risk, as the {@link RiskChangeFeed} delivers it: the figures a
 * risk manager watches, taken from the account's ACCOUNT_RISK row after the change. Money is in the
 * account's base currency.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId     the account
 * @param equity        initial equity + realized + unrealized P&L
 * @param grossExposure sum of |market value| over the account's positions
 * @param riskScore     the risk score, 0 to 100
 * @param tradingState  whether the account may trade; null only if the row carries no state
 * @param updatedAt     when the grid last recomputed the row, epoch milliseconds
 */
public record RiskUpdate(String accountId, double equity, double grossExposure, double riskScore,
                         TradingState tradingState, long updatedAt) {

    /**
     * The update of an ACCOUNT_RISK row.
     *
     * @throws IllegalArgumentException if the row's trading state is not a {@link TradingState}
     */
    public static RiskUpdate of(String accountId, AccountRiskRow row) {
        TradingState state = row.tradingState == null ? null : TradingState.valueOf(row.tradingState);
        return new RiskUpdate(accountId, row.equity, row.grossExposure, row.riskScore, state, row.updatedAt);
    }
}
