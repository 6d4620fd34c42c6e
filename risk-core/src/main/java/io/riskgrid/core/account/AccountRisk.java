package io.riskgrid.core.account;

import io.riskgrid.core.risk.RiskScore;

/**
 * The live risk figures of one account, all money in the account's base currency.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param equity                     initial equity + realized + unrealized P&L
 * @param realizedPnl                P&L locked in by reducing or closing positions
 * @param unrealizedPnl              mark-to-market P&L of open positions
 * @param pnlTotal                   realized + unrealized
 * @param dailyPnl                   equity - start-of-day equity
 * @param grossExposure              sum of |market value|
 * @param netExposure                sum of signed market value
 * @param leverage                   gross exposure / equity (capped at {@link AccountRiskCalculator#LEVERAGE_CAP}
 *                                   when equity is not positive)
 * @param marginUsed                 sum of |market value| x instrument margin rate
 * @param marginAvailable            equity - margin used
 * @param maxConcentration           largest |market value| of one instrument / gross exposure, 0 when flat
 * @param maxConcentrationInstrument the instrument behind {@code maxConcentration}, null when flat
 * @param peakEquity                 highest equity seen (starts at initial equity)
 * @param drawdown                   (peak - equity) / peak, a fraction in [0, 1] for positive peaks
 * @param sodEquity                  equity at the start of the trading day
 * @param score                      the risk score and its components
 */
public record AccountRisk(double equity, double realizedPnl, double unrealizedPnl, double pnlTotal, double dailyPnl,
                          double grossExposure, double netExposure, double leverage, double marginUsed,
                          double marginAvailable, double maxConcentration, String maxConcentrationInstrument,
                          double peakEquity, double drawdown, double sodEquity, RiskScore score) {
}
