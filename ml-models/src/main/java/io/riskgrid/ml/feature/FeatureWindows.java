package io.riskgrid.ml.feature;

/**
 * The two time windows features are computed over: the <em>recent</em> window, what the account is
 * doing now, and the <em>baseline</em> window just before it, what the account usually does.
 * Measured back from the scoring time {@code now}, a fill at time {@code ts} is
 * <ul>
 *   <li>recent when {@code now - recentMs < ts <= now};</li>
 *   <li>baseline when {@code now - recentMs - baselineMs < ts <= now - recentMs};</li>
 *   <li>ignored otherwise (older than the lookback, or later than {@code now}).</li>
 * </ul>
 * Defaults: recent {@value #DEFAULT_RECENT_MS} ms (one minute), baseline {@value #DEFAULT_BASELINE_MS} ms
 * (15 minutes).
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param recentMs   length of the recent window, milliseconds, positive
 * @param baselineMs length of the baseline window before it, milliseconds, longer than the recent window
 */
public record FeatureWindows(long recentMs, long baselineMs) {

    /** Default recent window: 60 seconds. */
    public static final long DEFAULT_RECENT_MS = 60_000;

    /** Default baseline window: 15 minutes. */
    public static final long DEFAULT_BASELINE_MS = 900_000;

    /** Recent 60 s, baseline the 15 minutes before. */
    public static final FeatureWindows DEFAULT = new FeatureWindows(DEFAULT_RECENT_MS, DEFAULT_BASELINE_MS);

    public FeatureWindows {
        if (recentMs <= 0) {
            throw new IllegalArgumentException("recentMs must be positive, was " + recentMs);
        }
        if (baselineMs <= recentMs) {
            throw new IllegalArgumentException("baselineMs must be longer than recentMs (" + recentMs + "), was " + baselineMs);
        }
        if (baselineMs > Long.MAX_VALUE / 4) {
            throw new IllegalArgumentException("baselineMs is too large, was " + baselineMs);
        }
    }

    /** How far back the features look: {@code recentMs + baselineMs}. */
    public long lookbackMs() {
        return recentMs + baselineMs;
    }
}
