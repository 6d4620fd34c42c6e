package io.riskgrid.breach;

import io.riskgrid.core.Guard;
import io.riskgrid.grid.schema.AccountRiskRow;

import java.io.Serializable;
import java.util.Objects;

/**
 * Decides whether a new ACCOUNT_RISK row differs materially from the one it replaces, so that
 * listeners hear about changes a person or a breach check would act on and not about every
 * recomputation that moved a figure by a fraction of a cent or only touched {@code updatedAt}.
 * <p>
 * A change is material when the account's risk row is new, when its trading state changed, or when
 * equity, gross exposure or risk score moved by more than its tolerance. The comparison is
 * {@code !(|after - before| <= tolerance)}, so a figure that becomes NaN always counts as a change.
 * A removed row (no new value) is not a risk change and never passes.
 * <p>
 * This record is immutable and thread-safe. It is {@link Serializable} because the continuous
 * query's remote filter carries it to every server node.
 *
 * @param equityTolerance        largest equity move that is not material, in the account's currency; >= 0
 * @param grossExposureTolerance largest gross-exposure move that is not material, in the account's currency; >= 0
 * @param riskScoreTolerance     largest risk-score move that is not material, in score points (0..100); >= 0
 */
public record MaterialRiskChange(double equityTolerance, double grossExposureTolerance, double riskScoreTolerance)
        implements Serializable {

    /** Moves of up to one cent of equity or exposure and 0.01 score points are not material. */
    public static final MaterialRiskChange DEFAULT = new MaterialRiskChange(0.01, 0.01, 0.01);

    /** Any move of equity, exposure or score is material. */
    public static final MaterialRiskChange ANY = new MaterialRiskChange(0, 0, 0);

    public MaterialRiskChange {
        Guard.notNegative(equityTolerance, "equityTolerance");
        Guard.notNegative(grossExposureTolerance, "grossExposureTolerance");
        Guard.notNegative(riskScoreTolerance, "riskScoreTolerance");
    }

    /**
     * True when {@code after} differs materially from {@code before}.
     *
     * @param before the row before the change, null when the row is new
     * @param after  the row after the change, null when the row was removed
     */
    public boolean isMaterial(AccountRiskRow before, AccountRiskRow after) {
        if (after == null) {
            return false;
        }
        if (before == null) {
            return true;
        }
        return !Objects.equals(before.tradingState, after.tradingState)
                || moved(before.equity, after.equity, equityTolerance)
                || moved(before.grossExposure, after.grossExposure, grossExposureTolerance)
                || moved(before.riskScore, after.riskScore, riskScoreTolerance);
    }

    private static boolean moved(double before, double after, double tolerance) {
        return !(Math.abs(after - before) <= tolerance);
    }
}
