package io.riskgrid.api.risk;

/**
 * One of the accounts with the highest risk score.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId the account
 * @param riskScore its risk score, 0-100
 * @param drawdown  (peak - equity) / peak
 * @param leverage  gross exposure / equity
 */
public record WorstAccount(String accountId, double riskScore, double drawdown, double leverage) {
}
