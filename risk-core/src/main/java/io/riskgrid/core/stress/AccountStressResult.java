package io.riskgrid.core.stress;

import io.riskgrid.core.Guard;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * What one stress scenario does to one account: its P&amp;L, its equity before and after, the P&amp;L
 * of each position, and every limit it would be at or over afterwards.
 * <p>
 * {@code positionPnl[k]} is the P&amp;L of the position in slot k of the
 * {@link io.riskgrid.core.limit.AccountExposure} the stress was run on, so a report can name the
 * positions that lose most. {@code breaches} lists every limit whose utilization on the stressed
 * book is 1 or more, in {@link io.riskgrid.core.limit.LimitSet} order, including a limit that was
 * already over before the stress.
 * <p>
 * The array is copied on the way in and out and {@code equals} compares its contents, so this
 * record is immutable and thread-safe.
 *
 * @param accountId    the account
 * @param pnl          the scenario's P&amp;L, the sum of {@code positionPnl}; negative is a loss
 * @param equityBefore equity before the stress
 * @param equityAfter  equity after the stress, equityBefore + pnl
 * @param positionPnl  P&amp;L of each position, by exposure slot
 * @param breaches     the limits at or over their maximum after the stress
 */
public record AccountStressResult(String accountId, double pnl, double equityBefore, double equityAfter,
                                  double[] positionPnl, List<StressBreach> breaches) implements Serializable {

    public AccountStressResult {
        Guard.notBlank(accountId, "accountId");
        Guard.finite(pnl, "pnl");
        Guard.finite(equityBefore, "equityBefore");
        Guard.finite(equityAfter, "equityAfter");
        positionPnl = Guard.notNull(positionPnl, "positionPnl").clone();
        breaches = List.copyOf(Guard.notNull(breaches, "breaches"));
    }

    /** True if the account would be at or over at least one limit after the stress. */
    public boolean wouldBreach() {
        return !breaches.isEmpty();
    }

    /** A copy of the P&amp;L of each position, by exposure slot. */
    @Override
    public double[] positionPnl() {
        return positionPnl.clone();
    }

    /** The P&amp;L of the position in exposure slot {@code slot}, without copying. */
    public double positionPnl(int slot) {
        return positionPnl[slot];
    }

    /** The number of positions, the length of {@link #positionPnl()}. */
    public int positionCount() {
        return positionPnl.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountStressResult r
                && accountId.equals(r.accountId)
                && Double.compare(pnl, r.pnl) == 0
                && Double.compare(equityBefore, r.equityBefore) == 0
                && Double.compare(equityAfter, r.equityAfter) == 0
                && Arrays.equals(positionPnl, r.positionPnl)
                && breaches.equals(r.breaches);
    }

    @Override
    public int hashCode() {
        int h = accountId.hashCode();
        h = 31 * h + Double.hashCode(pnl);
        h = 31 * h + Double.hashCode(equityBefore);
        h = 31 * h + Double.hashCode(equityAfter);
        h = 31 * h + Arrays.hashCode(positionPnl);
        return 31 * h + breaches.hashCode();
    }

    @Override
    public String toString() {
        return "AccountStressResult[accountId=" + accountId + ", pnl=" + pnl + ", equityBefore=" + equityBefore
                + ", equityAfter=" + equityAfter + ", positionPnl=" + Arrays.toString(positionPnl)
                + ", breaches=" + breaches + "]";
    }
}
