package io.riskgrid.bench.load;

import org.HdrHistogram.Histogram;

/**
 * The figures of a latency distribution in milliseconds: median, 99th and 99.9th percentiles and
 * maximum, each NaN when nothing was recorded. Read from an HdrHistogram of nanoseconds, so each
 * figure is exact to the histogram's precision (3 significant digits in the load drivers).
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param count how many values were recorded
 */
public record LatencySummary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

    private static final double NANOS_PER_MS = 1e6;

    /** The figures of a histogram of nanoseconds. */
    public static LatencySummary ofNanos(Histogram nanos) {
        long n = nanos.getTotalCount();
        if (n == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(n, ms(nanos.getValueAtPercentile(50)), ms(nanos.getValueAtPercentile(99)),
                ms(nanos.getValueAtPercentile(99.9)), ms(nanos.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / NANOS_PER_MS;
    }
}
