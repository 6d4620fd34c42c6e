package io.riskgrid.api.account;

/**
 * The live risk of one account as {@code GET /api/v1/accounts/{id}/risk} returns it: the columns
 * of ACCOUNT_RISK in camelCase, money in the account's base currency, times in epoch milliseconds.
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
 * @param tradingState               ACTIVE, REDUCING or HALTED
 * @param updatedAt                  when these figures were computed
 */
public record AccountRiskSnapshot(String accountId, double initialEquity, double equity, double realizedPnl,
                                  double unrealizedPnl, double pnlTotal, double dailyPnl, double sodEquity,
                                  double grossExposure, double netExposure, double leverage, double marginUsed,
                                  double marginAvailable, double maxConcentration, String maxConcentrationInstrument,
                                  double peakEquity, double drawdown, Double var95, Double var99, double riskScore,
                                  ScoreComponents scoreComponents, int positionCount, String tradingState,
                                  long updatedAt) {
}
