package io.riskgrid.ml.feature;

import io.riskgrid.core.Guard;

import java.util.List;

/**
 * What the feature extractor needs to know about an account besides its fills: its equity, how far
 * it is below its peak, and its positions at current prices.
 * <p>
 * This record is immutable and thread-safe; an account state that exists is valid.
 *
 * @param accountId the account
 * @param equity    current equity in the account's base currency (may be zero or negative after losses)
 * @param drawdown  fraction below peak equity, zero or positive (0.1 = 10% below the peak)
 * @param positions the account's positions, one per instrument (flat positions may be left out)
 */
public record AccountState(String accountId, double equity, double drawdown, List<PositionState> positions) {

    public AccountState {
        Guard.notBlank(accountId, "accountId");
        Guard.finite(equity, "equity");
        Guard.notNegative(drawdown, "drawdown");
        positions = List.copyOf(Guard.notNull(positions, "positions"));
    }
}
