package io.riskgrid.core.stress;

import io.riskgrid.core.Guard;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one stress scenario does to the whole firm: the total P&amp;L over every account, how many
 * accounts were stressed, the accounts that lose most, and the accounts that would be at or over a
 * limit. This is the report a risk committee reads: "in this scenario the firm loses X, these are
 * the books that lose most, these are the books that would breach".
 * <p>
 * Ranking is by P&amp;L ascending (the largest loss first), ties broken by account id so that the
 * same inputs always give the same report. {@code breachingAccounts} follows the same order.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param scenario          the scenario's name
 * @param pnl               the sum of every account's P&amp;L
 * @param accounts          how many accounts were stressed
 * @param worst             the accounts with the lowest P&amp;L, worst first; at most {@code accounts} of them
 * @param breachingAccounts ids of every account that would breach a limit, worst P&amp;L first
 */
public record FirmStressResult(String scenario, double pnl, int accounts, List<AccountStressResult> worst,
                               List<String> breachingAccounts) implements Serializable {

    /** Worst P&amp;L first; the account id breaks ties so reports are reproducible. */
    private static final Comparator<AccountStressResult> WORST_FIRST =
            Comparator.comparingDouble(AccountStressResult::pnl).thenComparing(AccountStressResult::accountId);

    public FirmStressResult {
        Guard.notBlank(scenario, "scenario");
        Guard.finite(pnl, "pnl");
        if (accounts < 0) {
            throw new IllegalArgumentException("accounts must be zero or positive, was " + accounts);
        }
        worst = List.copyOf(Guard.notNull(worst, "worst"));
        breachingAccounts = List.copyOf(Guard.notNull(breachingAccounts, "breachingAccounts"));
        if (worst.size() > accounts || breachingAccounts.size() > accounts) {
            throw new IllegalArgumentException("worst (" + worst.size() + ") and breachingAccounts (" + breachingAccounts.size()
                    + ") cannot list more than the " + accounts + " accounts stressed");
        }
    }

    /**
     * Aggregates the per-account results of one scenario.
     *
     * @param scenario   the scenario's name
     * @param accounts   one result per account, each account once, in any order
     * @param worstCount how many of the worst accounts to keep, &gt;= 0 (all of them if there are fewer)
     * @throws IllegalArgumentException if an account appears twice, which would count its P&amp;L twice
     */
    public static FirmStressResult of(String scenario, List<AccountStressResult> accounts, int worstCount) {
        Guard.notNull(accounts, "accounts");
        if (worstCount < 0) {
            throw new IllegalArgumentException("worstCount must be zero or positive, was " + worstCount);
        }
        Set<String> seen = new HashSet<>();
        List<AccountStressResult> ranked = new ArrayList<>(accounts.size());
        double pnl = 0;
        for (int k = 0; k < accounts.size(); k++) {
            AccountStressResult r = Guard.notNull(accounts.get(k), "accounts[" + k + "]");
            if (!seen.add(r.accountId())) {
                throw new IllegalArgumentException("account '" + r.accountId() + "' appears twice in accounts");
            }
            pnl += r.pnl();
            ranked.add(r);
        }
        ranked.sort(WORST_FIRST);
        List<String> breaching = new ArrayList<>();
        for (AccountStressResult r : ranked) {
            if (r.wouldBreach()) {
                breaching.add(r.accountId());
            }
        }
        return new FirmStressResult(scenario, pnl, ranked.size(), ranked.subList(0, Math.min(worstCount, ranked.size())),
                breaching);
    }
}
