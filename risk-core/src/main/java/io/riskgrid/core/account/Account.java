package io.riskgrid.core.account;

import io.riskgrid.core.Guard;

/**
 * A trading account: the unit that owns positions, limits and risk.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId     unique id
 * @param name          display name
 * @param baseCurrency  currency all money amounts of this account are in
 * @param initialEquity equity the account started with, strictly positive
 * @param strategy      the account's strategy label
 */
public record Account(String accountId, String name, String baseCurrency, double initialEquity, String strategy) {

    public Account {
        Guard.notBlank(accountId, "accountId");
        Guard.notBlank(name, "name");
        Guard.notBlank(baseCurrency, "baseCurrency");
        Guard.positive(initialEquity, "initialEquity");
    }
}
