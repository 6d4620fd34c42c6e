package io.riskgrid.ml.feature;

import java.util.ArrayList;
import java.util.List;

/**
 * One account's trading pattern, kept up to date fill by fill: its fill rate now and as usual, and
 * the usual size of its orders, so that a burst of fills or an order far larger than the account's
 * habit stands out. The features anomaly scoring will use.
 *
 * <h2>Fill rate</h2>
 * The fill rate is an exponentially weighted moving average in continuous time: over a horizon
 * {@code tau}, each past fill counts with weight {@code exp(-age / tau)}, and the rate is the
 * weighted count over {@code tau}, in fills per second. For a steady stream of {@code r} fills per
 * second it averages {@code r}, and a fill ages out smoothly rather than falling off the end of a
 * window. It is kept as one decayed count per horizon: on each fill,
 * {@code count = count * exp(-(t - tLast) / tau) + 1}. Two horizons are kept: a short one (default
 * {@value #DEFAULT_SHORT_HORIZON_MS} ms) gives the <em>current</em> fill rate, a long one (default
 * {@value #DEFAULT_LONG_HORIZON_MS} ms) the account's <em>baseline</em>, and their ratio says how much
 * faster than usual the account trades now. Right after the first fills the baseline has not built
 * up and the ratio is high (up to {@code longHorizon / shortHorizon}); callers should not judge an
 * account on fewer fills than they trust (see {@link #fills()}).
 *
 * <h2>Order notional</h2>
 * Notional mean and variance are exponentially weighted per fill with smoothing factor
 * {@code alpha} (default {@value #DEFAULT_NOTIONAL_ALPHA}): the latest fill has weight {@code alpha},
 * the one before {@code alpha (1 - alpha)}, and so on, the first fill carrying the remaining weight.
 * They are updated incrementally (Finch, "Incremental calculation of weighted mean and variance",
 * 2009): {@code d = x - mean; mean += alpha d; var = (1 - alpha)(var + alpha d^2)}.
 * {@link #notionalZScore(double)} measures a new order against this history.
 *
 * <h2>Time and determinism</h2>
 * Time is the fills' own timestamps (epoch milliseconds) and the {@code now} the caller passes, never
 * a clock, so the same fills always give the same features. A fill older than the latest one seen is
 * counted as if it arrived at the latest time: the window never decays backwards.
 * <p>
 * {@link #onFill(long, double)} allocates nothing and costs two {@code exp} calls. This class is
 * <b>not thread-safe</b>: one instance belongs to one account and is updated by whoever applies that
 * account's fills (on the grid, the account's primary node under the account's lock).
 */
public final class RollingFeatureWindow {

    /** Default short horizon, the current fill rate: 10 seconds. */
    public static final long DEFAULT_SHORT_HORIZON_MS = 10_000;

    /** Default long horizon, the baseline fill rate: 5 minutes. */
    public static final long DEFAULT_LONG_HORIZON_MS = 300_000;

    /** Default notional smoothing factor: the latest fill weighs 5%, about a 40-fill memory. */
    public static final double DEFAULT_NOTIONAL_ALPHA = 0.05;

    private final double shortTauSeconds;
    private final double longTauSeconds;
    private final double alpha;

    private long fills;
    private long lastTimestamp;
    private double shortCount;
    private double longCount;
    private double notionalMean;
    private double notionalVariance;

    /**
     * A window with the given horizons and smoothing factor.
     *
     * @param shortHorizonMs horizon of the current fill rate, milliseconds; positive
     * @param longHorizonMs  horizon of the baseline fill rate, milliseconds; longer than {@code shortHorizonMs}
     * @param notionalAlpha  weight of the latest fill in the notional mean and variance, in (0, 1]
     * @throws IllegalArgumentException naming every invalid parameter
     */
    public RollingFeatureWindow(long shortHorizonMs, long longHorizonMs, double notionalAlpha) {
        List<String> problems = new ArrayList<>();
        if (shortHorizonMs <= 0) {
            problems.add("shortHorizonMs must be positive, was " + shortHorizonMs);
        }
        if (longHorizonMs <= shortHorizonMs) {
            problems.add("longHorizonMs must be longer than shortHorizonMs (" + shortHorizonMs + "), was " + longHorizonMs);
        }
        if (!(notionalAlpha > 0 && notionalAlpha <= 1)) {
            problems.add("notionalAlpha must be in (0, 1], was " + notionalAlpha);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.shortTauSeconds = shortHorizonMs / 1000.0;
        this.longTauSeconds = longHorizonMs / 1000.0;
        this.alpha = notionalAlpha;
    }

    /** A window with the default horizons (10 s, 5 min) and notional smoothing (0.05). */
    public static RollingFeatureWindow withDefaults() {
        return new RollingFeatureWindow(DEFAULT_SHORT_HORIZON_MS, DEFAULT_LONG_HORIZON_MS, DEFAULT_NOTIONAL_ALPHA);
    }

    /**
     * Adds a fill.
     *
     * @param timestamp when the fill happened, epoch milliseconds
     * @param notional  the fill's absolute notional (|quantity| x price x contract size); finite, not negative
     * @throws IllegalArgumentException if {@code notional} is negative, NaN or infinite; the window is then unchanged
     */
    public void onFill(long timestamp, double notional) {
        if (!(notional >= 0) || notional == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("notional must be a finite number, zero or positive, was " + notional);
        }
        if (fills == 0) {
            shortCount = 1;
            longCount = 1;
            notionalMean = notional;
            notionalVariance = 0;
            lastTimestamp = timestamp;
        } else {
            double ageSeconds = timestamp > lastTimestamp ? (timestamp - lastTimestamp) / 1000.0 : 0;
            shortCount = shortCount * Math.exp(-ageSeconds / shortTauSeconds) + 1;
            longCount = longCount * Math.exp(-ageSeconds / longTauSeconds) + 1;
            if (timestamp > lastTimestamp) {
                lastTimestamp = timestamp;
            }
            double d = notional - notionalMean;
            notionalMean += alpha * d;
            notionalVariance = (1 - alpha) * (notionalVariance + alpha * d * d);
        }
        fills++;
    }

    /** Number of fills seen. */
    public long fills() {
        return fills;
    }

    /** Timestamp of the latest fill, epoch milliseconds; 0 before the first fill. */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    /** The current fill rate at {@code now}, fills per second (short horizon); 0 before the first fill. */
    public double fillRate(long now) {
        return decayedRate(shortCount, shortTauSeconds, now);
    }

    /** The baseline fill rate at {@code now}, fills per second (long horizon); 0 before the first fill. */
    public double baselineFillRate(long now) {
        return decayedRate(longCount, longTauSeconds, now);
    }

    /**
     * The current fill rate over the baseline at {@code now}: above 1 the account trades faster than
     * usual. NaN before the first fill.
     */
    public double fillRateRatio(long now) {
        if (fills == 0) {
            return Double.NaN;
        }
        return fillRate(now) / baselineFillRate(now);
    }

    /** Exponentially weighted mean of fill notional; NaN before the first fill. */
    public double notionalMean() {
        return fills == 0 ? Double.NaN : notionalMean;
    }

    /** Exponentially weighted standard deviation of fill notional; NaN before the first fill. */
    public double notionalStdDev() {
        return fills == 0 ? Double.NaN : Math.sqrt(notionalVariance);
    }

    /**
     * How many standard deviations {@code notional} lies from the notionals seen so far (this order
     * is not yet part of them): {@code (notional - mean) / stdDev}. NaN while the history has no
     * spread (before the first fill, or while every fill had the same notional), as no standard can
     * be set yet; callers treat NaN as "no opinion".
     */
    public double notionalZScore(double notional) {
        if (fills == 0 || notionalVariance <= 0) {
            return Double.NaN;
        }
        return (notional - notionalMean) / Math.sqrt(notionalVariance);
    }

    /** A snapshot of every feature at {@code now}. */
    public TradingFeatures features(long now) {
        return new TradingFeatures(fills, fillRate(now), baselineFillRate(now), fillRateRatio(now), notionalMean(),
                notionalStdDev());
    }

    private double decayedRate(double count, double tauSeconds, long now) {
        if (fills == 0) {
            return 0;
        }
        double ageSeconds = now > lastTimestamp ? (now - lastTimestamp) / 1000.0 : 0;
        return count * Math.exp(-ageSeconds / tauSeconds) / tauSeconds;
    }
}
