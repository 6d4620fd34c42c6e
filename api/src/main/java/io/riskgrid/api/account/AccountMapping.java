package io.riskgrid.api.account;

import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.DrawdownTier;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where account cache rows become REST records.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class AccountMapping {

    private AccountMapping() {
    }

    /**
     * An account listed from a row of {@code SELECT ACCOUNT_ID, NAME, BASE_CURRENCY, INITIAL_EQUITY, STRATEGY}
     * and its risk row; an account without a risk row has not traded and is ACTIVE.
     */
    public static AccountSummary toSummary(List<?> row, AccountRiskRow risk) {
        Object equity = row.get(3);
        String state = risk == null || risk.tradingState == null ? TradingState.ACTIVE.name() : risk.tradingState;
        return new AccountSummary((String) row.get(0), (String) row.get(1), (String) row.get(2),
                equity == null ? 0 : ((Number) equity).doubleValue(), (String) row.get(4), state);
    }

    /** The risk snapshot of an account's risk row; NaN figures (not known yet) become null. */
    public static AccountRiskSnapshot toSnapshot(String accountId, AccountRiskRow r) {
        return new AccountRiskSnapshot(accountId, r.initialEquity, r.equity, r.realizedPnl, r.unrealizedPnl, r.pnlTotal,
                r.dailyPnl, r.sodEquity, r.grossExposure, r.netExposure, r.leverage, r.marginUsed, r.marginAvailable,
                r.maxConcentration, r.maxConcentrationInstrument, r.peakEquity, r.drawdown, r.var95, r.var99,
                r.riskScore, new ScoreComponents(r.scoreLeverage, r.scoreDrawdown, r.scoreConcentration, r.scoreMargin,
                        r.scoreLimits, r.scoreVar),
                r.positionCount, r.tradingState == null ? TradingState.ACTIVE.name() : r.tradingState, r.updatedAt,
                r.maxLimitUtilization, r.worstLimitId, r.openBreaches,
                r.drawdownTier == null ? DrawdownTier.NONE.name() : r.drawdownTier, r.sizingFactor, r.killSwitch,
                r.stateOverride, r.stateOverride == null ? null : r.stateOverrideUntil, limitStates(r));
    }

    /** The account's limits from the parallel arrays of its risk row. */
    private static List<AccountRiskSnapshot.LimitState> limitStates(AccountRiskRow r) {
        if (r.limitIds == null || r.limitIds.length == 0) {
            return List.of();
        }
        List<AccountRiskSnapshot.LimitState> out = new ArrayList<>(r.limitIds.length);
        for (int i = 0; i < r.limitIds.length; i++) {
            out.add(new AccountRiskSnapshot.LimitState(r.limitIds[i], at(r.limitValues, i), known(at(r.currentValues, i)),
                    known(at(r.utilizations, i)), at(r.breachSeverities, i), at(r.breachAlertIds, i)));
        }
        return out;
    }

    /** A figure as JSON can carry it: NaN (not known yet) and infinities become null. */
    private static Double known(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double at(double[] values, int i) {
        return values == null || i >= values.length ? Double.NaN : values[i];
    }

    private static String at(String[] values, int i) {
        return values == null || i >= values.length ? null : values[i];
    }

    public static PositionView toView(PositionKey key, PositionRow p) {
        return new PositionView(key.accountId(), key.instrumentId(), p.quantity, p.avgPrice, p.realizedPnl,
                p.unrealizedPnl, p.marketValue, p.markPrice, p.updatedAt);
    }
}
