package io.riskgrid.core.account;

/**
 * One marked position as account risk sees it: its P&L, its signed market value and the margin
 * rate of its instrument.
 * <p>
 * This record is immutable and thread-safe.
 */
public record PositionExposure(String instrumentId, double realizedPnl, double unrealizedPnl, double marketValue,
                               double marginRate) {
}
