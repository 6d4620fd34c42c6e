package io.riskgrid.ml.forecast;

/**
 * The RiskMetrics (J.P. Morgan, 1996) exponentially weighted variance forecast, the baseline every
 * learned model has to beat:
 * {@code h[t+1] = lambda h[t] + (1 - lambda) r[t]^2}.
 * <p>
 * <b>Seed.</b> The recursion starts at day {@code seedDays} from the mean squared return of the
 * first {@code seedDays} returns (the sample variance about zero, the same moment the recursion
 * tracks): {@code h[seedDays] = (r[0]^2 + ... + r[seedDays-1]^2) / seedDays}. A forecast therefore
 * needs at least {@code seedDays} returns. The seed's weight in a forecast made {@code k} days later
 * is {@code lambda^k}: with lambda 0.94 it is below 1% after 75 days, so beyond the first few months
 * of history the seed no longer matters. The default is {@value #DEFAULT_SEED_DAYS} days, enough that
 * one extreme day does not dominate the start.
 * <p>
 * A forecast costs one pass over the history (O(end)). Immutable and thread-safe.
 */
public final class EwmaForecaster implements VolatilityForecaster {

    /** RiskMetrics' decay for daily data. */
    public static final double DEFAULT_LAMBDA = 0.94;
    /** Returns averaged to seed the recursion. */
    public static final int DEFAULT_SEED_DAYS = 20;
    /** RiskMetrics daily: lambda 0.94, seeded on 20 days. */
    public static final EwmaForecaster DEFAULT = new EwmaForecaster(DEFAULT_LAMBDA, DEFAULT_SEED_DAYS);

    /** The variance returned for a history of zero returns, so a forecast is always positive. */
    static final double MIN_VARIANCE = 1e-12;

    private final double lambda;
    private final int seedDays;

    private EwmaForecaster(double lambda, int seedDays) {
        this.lambda = lambda;
        this.seedDays = seedDays;
    }

    /**
     * @param lambda   decay in (0, 1); the higher, the longer the memory
     * @param seedDays returns averaged to seed the recursion, at least 1
     */
    public static EwmaForecaster of(double lambda, int seedDays) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1), was " + lambda);
        }
        if (seedDays < 1) {
            throw new IllegalArgumentException("seedDays must be positive, was " + seedDays);
        }
        return new EwmaForecaster(lambda, seedDays);
    }

    public double lambda() {
        return lambda;
    }

    public int seedDays() {
        return seedDays;
    }

    @Override
    public String name() {
        return "EWMA(" + lambda + ")";
    }

    @Override
    public int minHistory() {
        return seedDays;
    }

    @Override
    public double forecastVariance(double[] returns, int end) {
        VolatilityForecaster.checkHistory(returns, end, seedDays);
        double h = 0;
        for (int t = 0; t < seedDays; t++) {
            h += returns[t] * returns[t];
        }
        h /= seedDays;
        for (int t = seedDays; t < end; t++) {
            h = lambda * h + (1 - lambda) * returns[t] * returns[t];
        }
        return Math.max(h, MIN_VARIANCE);
    }

    @Override
    public String toString() {
        return "EwmaForecaster[lambda " + lambda + ", seed " + seedDays + " days]";
    }
}
