package io.riskgrid.core.simulation;

import io.riskgrid.core.Guard;

import java.util.SplittableRandom;

/**
 * Correlated geometric random walks for a set of instruments: each step's log return is
 * {@code sigma_i sqrt(dt) (a Z_market + b Z_sector(i) + sqrt(1 - a^2 - b^2) Z_i) - sigma_i^2 dt / 2},
 * so two instruments of one sector have correlation {@code a^2 + b^2} and of different sectors
 * {@code a^2}. The random source is seeded: the same seed gives the same path.
 * <p>
 * This class is mutable (it holds the current prices) and not thread-safe; one simulator thread
 * owns it.
 */
public final class MarketSimulator {

    private final double[] prices;
    private final double[] volatilities;
    private final int[] sectorOf;
    private final int sectorCount;
    private final double marketLoading;
    private final double sectorLoading;
    private final double idiosyncraticLoading;
    private final SplittableRandom random;
    private final double[] sectorShocks;

    /**
     * @param openingPrices  price of each instrument at the start, strictly positive
     * @param volatilities   annualized volatility of each instrument
     * @param sectorOf       sector index of each instrument, in [0, sectorCount)
     * @param sectorCount    number of sectors
     * @param marketLoading  loading on the market factor, a
     * @param sectorLoading  loading on the sector factor, b; a^2 + b^2 must not exceed 1
     * @param seed           seed of the random source
     */
    public MarketSimulator(double[] openingPrices, double[] volatilities, int[] sectorOf, int sectorCount,
                           double marketLoading, double sectorLoading, long seed) {
        if (openingPrices.length != volatilities.length || openingPrices.length != sectorOf.length) {
            throw new IllegalArgumentException("openingPrices, volatilities and sectorOf must have the same length");
        }
        Guard.positive(sectorCount, "sectorCount");
        double common = marketLoading * marketLoading + sectorLoading * sectorLoading;
        if (common > 1) {
            throw new IllegalArgumentException("marketLoading^2 + sectorLoading^2 must not exceed 1, was " + common);
        }
        for (int i = 0; i < openingPrices.length; i++) {
            Guard.positive(openingPrices[i], "openingPrices[" + i + "]");
            Guard.notNegative(volatilities[i], "volatilities[" + i + "]");
            if (sectorOf[i] < 0 || sectorOf[i] >= sectorCount) {
                throw new IllegalArgumentException("sectorOf[" + i + "] must be in [0, " + sectorCount + "), was " + sectorOf[i]);
            }
        }
        this.prices = openingPrices.clone();
        this.volatilities = volatilities.clone();
        this.sectorOf = sectorOf.clone();
        this.sectorCount = sectorCount;
        this.marketLoading = marketLoading;
        this.sectorLoading = sectorLoading;
        this.idiosyncraticLoading = Math.sqrt(1 - common);
        this.random = new SplittableRandom(seed);
        this.sectorShocks = new double[sectorCount];
    }

    /**
     * Moves every price one step of {@code dtYears} years and returns the current prices (the
     * simulator's own array: read it, do not keep or change it).
     */
    public double[] step(double dtYears) {
        double sqrtDt = Math.sqrt(dtYears);
        double market = random.nextGaussian();
        for (int s = 0; s < sectorCount; s++) {
            sectorShocks[s] = random.nextGaussian();
        }
        for (int i = 0; i < prices.length; i++) {
            double z = marketLoading * market + sectorLoading * sectorShocks[sectorOf[i]]
                    + idiosyncraticLoading * random.nextGaussian();
            double sigma = volatilities[i];
            prices[i] *= Math.exp(sigma * sqrtDt * z - 0.5 * sigma * sigma * dtYears);
        }
        return prices;
    }

    /** Current price of instrument {@code i}. */
    public double price(int i) {
        return prices[i];
    }

    /** Number of instruments. */
    public int size() {
        return prices.length;
    }

    /** The model correlation between instruments {@code i} and {@code j}. */
    public double correlation(int i, int j) {
        if (i == j) {
            return 1;
        }
        double c = marketLoading * marketLoading;
        return sectorOf[i] == sectorOf[j] ? c + sectorLoading * sectorLoading : c;
    }
}
