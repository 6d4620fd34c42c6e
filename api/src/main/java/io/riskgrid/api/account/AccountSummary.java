package io.riskgrid.api.account;

/**
 * An account as {@code GET /api/v1/accounts} lists it.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId     unique id
 * @param name          display name
 * @param baseCurrency  currency all money amounts of the account are in
 * @param initialEquity equity the account started with
 * @param strategy      strategy label
 * @param tradingState  ACTIVE, REDUCING or HALTED
 */
public record AccountSummary(String accountId, String name, String baseCurrency, double initialEquity,
                             String strategy, String tradingState) {
}
