package io.riskgrid.api.account;

/**
 * The parts of an account's risk score, each a utilization in [0, 1] of its reference level, so
 * that a person can see why the score is what it is (see {@code io.riskgrid.core.risk.RiskScore}).
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param leverage      leverage / 10
 * @param drawdown      drawdown / 15%
 * @param concentration largest single-instrument share of gross exposure
 * @param margin        margin used / equity
 */
public record ScoreComponents(double leverage, double drawdown, double concentration, double margin) {
}
