package io.riskgrid.ml.feature;

/**
 * A snapshot of one account's trading-pattern features at a point in time, as a
 * {@link RollingFeatureWindow} sees them: how fast it is trading now against its own habit, and
 * what its order notionals usually look like. Anomaly scoring reads these; a person reading an
 * alert can read them too.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param fills            number of fills the window has seen
 * @param fillRate         the current fill rate, fills per second, over the short horizon
 * @param baselineFillRate the account's usual fill rate, fills per second, over the long horizon
 * @param fillRateRatio    {@code fillRate / baselineFillRate}: 1 is usual, 5 is five times faster than usual;
 *                         NaN before the first fill
 * @param notionalMean     exponentially weighted mean of fill notional; NaN before the first fill
 * @param notionalStdDev   exponentially weighted standard deviation of fill notional; NaN before the first fill
 */
public record TradingFeatures(long fills, double fillRate, double baselineFillRate, double fillRateRatio,
                              double notionalMean, double notionalStdDev) {
}
