package io.riskgrid.api.risk;

import java.util.List;

/**
 * Firm-wide risk as {@code GET /api/v1/risk/status} returns it: totals over every account and the
 * accounts with the highest risk scores. Money is summed as is: every account of the demo and of
 * the tests is in USD, and a multi-currency firm total is a later issue.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accounts      number of accounts with risk
 * @param equity        sum of equity
 * @param pnlTotal      sum of realized + unrealized P&L
 * @param grossExposure sum of gross exposure
 * @param netExposure   sum of net exposure
 * @param tradingState  the firm's trading state
 * @param worstAccounts up to five accounts, highest risk score first
 */
public record RiskStatus(long accounts, double equity, double pnlTotal, double grossExposure, double netExposure,
                         String tradingState, List<WorstAccount> worstAccounts) {
}
