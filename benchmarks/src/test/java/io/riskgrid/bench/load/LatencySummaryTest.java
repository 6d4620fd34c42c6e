package io.riskgrid.bench.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencySummaryTest {

    @Test
    void readsPercentilesOfNanosecondsAsMilliseconds() {
        // 1, 2, ..., 1,000 ms: the median is 500 ms, the 99th percentile 990 ms, the 99.9th 999 ms.
        Histogram h = new Histogram(3);
        for (int ms = 1; ms <= 1_000; ms++) {
            h.recordValue(ms * 1_000_000L);
        }

        LatencySummary s = LatencySummary.ofNanos(h);

        // HdrHistogram with 3 significant digits reports a value within 0.1% above it.
        assertThat(s.count()).isEqualTo(1_000);
        assertThat(s.p50Ms()).isCloseTo(500, within(0.5));
        assertThat(s.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(s.p999Ms()).isCloseTo(999, within(1.0));
        assertThat(s.maxMs()).isCloseTo(1_000, within(1.0));
    }

    @Test
    void anEmptyHistogramHasNoFigures() {
        LatencySummary s = LatencySummary.ofNanos(new Histogram(3));

        assertThat(s.count()).isZero();
        assertThat(s.p50Ms()).isNaN();
        assertThat(s.maxMs()).isNaN();
    }
}
