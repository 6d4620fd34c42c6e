package io.riskgrid.api.account;

/**
 * The parts of an account's risk score, each a utilization in [0, 1] of its reference level, so
 * that a person can see why the score is what it is. The score is
 * {@code 100 x (0.25 limits + 0.20 leverage + 0.25 drawdown + 0.15 var + 0.075 concentration + 0.075 margin)}
 * (see {@code io.riskgrid.core.risk.RiskScore}).
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param leverage      leverage / 10
 * @param drawdown      drawdown / 15%
 * @param concentration largest single-instrument share of gross exposure
 * @param margin        margin used / equity
 * @param limits        the highest utilization of the account's limits
 * @param var           one-day 99% VaR / equity, over 10%; 0 while VaR is not known
 */
public record ScoreComponents(double leverage, double drawdown, double concentration, double margin, double limits,
                              double var) {
}
