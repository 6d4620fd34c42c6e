package io.riskgrid.api.account;

import java.util.List;

/**
 * The live risk of one account as {@code GET /api/v1/accounts/{id}/risk} returns it: the columns
 * of ACCOUNT_RISK in camelCase, money in the account's base currency, times in epoch milliseconds.
 * A figure that is not known yet (VaR before it is computed, the utilization of a VaR limit) is null.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId                  the account
 * @param initialEquity              equity the account started with
 * @param equity                     initial equity + realized + unrealized P&L
 * @param realizedPnl                P&L locked in by reducing or closing positions
 * @param unrealizedPnl              mark-to-market P&L of open positions
 * @param pnlTotal                   realized + unrealized
 * @param dailyPnl                   equity - start-of-day equity
 * @param sodEquity                  equity at the start of the day
 * @param grossExposure              sum of |market value|
 * @param netExposure                sum of signed market value
 * @param leverage                   gross exposure / equity
 * @param marginUsed                 sum of |market value| x margin rate
 * @param marginAvailable            equity - margin used
 * @param maxConcentration           largest single-instrument share of gross exposure
 * @param maxConcentrationInstrument the instrument behind it, null when flat
 * @param peakEquity                 highest equity seen
 * @param drawdown                   (peak - equity) / peak
 * @param var95                      95% value at risk, null until computed
 * @param var99                      99% value at risk, null until computed
 * @param riskScore                  0 (no risk) to 100
 * @param scoreComponents            the parts of the risk score
 * @param positionCount              open positions
 * @param tradingState               ACTIVE, REDUCING or HALTED: kill switch, then an unexpired state
 *                                   override, then the drawdown tier
 * @param updatedAt                  when these figures were computed
 * @param maxLimitUtilization        the highest utilization (current / effective max) of the account's limits, 0 with none
 * @param worstLimitId               the limit behind it, null with none
 * @param openBreaches               limits in breach (at or above their warn level, with hysteresis)
 * @param drawdownTier               NONE, REDUCE_SIZE, REDUCING or HALTED: the highest tier reached since the last resume
 * @param sizingFactor               the highest utilization a risk-increasing order may leave: 1, or less in the REDUCE_SIZE tier
 * @param killSwitch                 true while the account is halted by hand
 * @param stateOverride              the trading state an override imposes, null without one
 * @param stateOverrideUntil         when that override ends, null without one
 * @param limits                     every limit of the account as last measured, in limit id order
 */
public record AccountRiskSnapshot(String accountId, double initialEquity, double equity, double realizedPnl,
                                  double unrealizedPnl, double pnlTotal, double dailyPnl, double sodEquity,
                                  double grossExposure, double netExposure, double leverage, double marginUsed,
                                  double marginAvailable, double maxConcentration, String maxConcentrationInstrument,
                                  double peakEquity, double drawdown, Double var95, Double var99, double riskScore,
                                  ScoreComponents scoreComponents, int positionCount, String tradingState,
                                  long updatedAt, double maxLimitUtilization, String worstLimitId, int openBreaches,
                                  String drawdownTier, double sizingFactor, boolean killSwitch, String stateOverride,
                                  Long stateOverrideUntil, List<LimitState> limits) {

    /**
     * One limit of the account as its last risk computation measured it.
     * <p>
     * This record is immutable and thread-safe.
     *
     * @param limitId        the limit
     * @param maxValue       its effective max value (raised while an override lasts)
     * @param currentValue   the value it measures now, null when not known
     * @param utilization    current / max, null when not known
     * @param breachSeverity LOW, MEDIUM, HIGH or CRITICAL while the limit is in breach, else null
     * @param alertId        the open alert of that breach, else null
     */
    public record LimitState(String limitId, double maxValue, Double currentValue, Double utilization,
                             String breachSeverity, String alertId) {
    }
}
