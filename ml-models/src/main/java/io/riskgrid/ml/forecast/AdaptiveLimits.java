package io.riskgrid.ml.forecast;

/**
 * Tightens a configured limit when an account's forecast volatility is high.
 * <p>
 * <b>Rule.</b> With {@code ratio = forecastVol / longRunVol} and {@code T} the policy's trigger
 * ratio, the factor a limit is multiplied by is
 * <pre>
 *   factor = 1                               when ratio &lt;= T
 *   factor = max(floor, round2(T / ratio))   when ratio &gt; T
 * </pre>
 * Above the trigger the limit shrinks in proportion to the excess volatility, so the risk the limit
 * allows ({@code limit x volatility}) stays at what it allowed at the trigger; {@code T / ratio} is 1
 * at the trigger (the rule is continuous there), falls as the forecast rises (monotone), and the
 * floor keeps a limit from collapsing on one extreme forecast.
 * <p>
 * <b>Rounding.</b> The factor is rounded to two decimals (half up) before the floor is applied, so a
 * forecast that moves by a fraction of a percent from one cycle to the next does not rewrite the
 * limit each time; a limit changes only when the factor moves by at least 0.01 (1% of the limit).
 * <p>
 * <b>Bad inputs fail open.</b> A non-finite or negative forecast, or a long-run volatility that is not
 * positive and finite, gives 1: without a trustworthy measure of "normal" there is nothing to
 * tighten against, and the configured limit still applies.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class AdaptiveLimits {

    private AdaptiveLimits() {
    }

    /** The factor in {@code [policy.floor(), 1]} to multiply a configured limit by. */
    public static double factor(double forecastVol, double longRunVol, AdaptiveLimitPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        if (!(forecastVol >= 0) || Double.isInfinite(forecastVol) || !(longRunVol > 0) || Double.isInfinite(longRunVol)) {
            return 1.0;
        }
        double trigger = policy.triggerRatio();
        if (forecastVol <= trigger * longRunVol) {
            return 1.0;
        }
        double raw = trigger * longRunVol / forecastVol;
        return Math.max(policy.floor(), Math.round(raw * 100) / 100.0);
    }

    /**
     * The factor for a limit of {@code metric} (a {@code LimitMetric} name): {@link #factor} if the
     * policy adapts that metric, else 1.
     */
    public static double factor(String metric, double forecastVol, double longRunVol, AdaptiveLimitPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        return policy.appliesTo(metric) ? factor(forecastVol, longRunVol, policy) : 1.0;
    }

    /** The limit in force: {@code configuredMax x factor}. */
    public static double adaptedMax(double configuredMax, double factor) {
        if (!(configuredMax >= 0) || Double.isInfinite(configuredMax)) {
            throw new IllegalArgumentException("configuredMax must be zero or positive, was " + configuredMax);
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1], was " + factor);
        }
        return configuredMax * factor;
    }
}
