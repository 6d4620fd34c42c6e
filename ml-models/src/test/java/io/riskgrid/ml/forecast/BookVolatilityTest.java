package io.riskgrid.ml.forecast;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Book volatility sqrt(w' S w) against hand calculations. */
class BookVolatilityTest {

    /** Returns of A; B = -2 A exactly, so their sample correlation is -1. */
    private static final double[] A = {0.01, -0.01, 0.02, -0.02};
    private static final double[] B = {-0.02, 0.02, -0.04, 0.04};
    /** Root mean square of A: sqrt((1 + 1 + 4 + 4) / 4 * 1e-4) = sqrt(2.5e-4); B's is twice that. */
    private static final double VOL_A = Math.sqrt(2.5e-4);

    @Test
    void twoInstrumentsWithAGivenCorrelation() {
        // w = (1,000,000, -500,000), vols 2% and 1%, correlation 0.5:
        //   (w1 s1)^2 = 20,000^2 = 4e8, (w2 s2)^2 = (-5,000)^2 = 2.5e7,
        //   2 rho (w1 s1)(w2 s2) = 2 * 0.5 * 20,000 * -5,000 = -1e8; total 3.25e8.
        double vol = BookVolatility.volatility(new double[] {1_000_000, -500_000}, new double[] {0.02, 0.01},
                new double[][] {{1, 0.5}, {0.5, 1}});
        assertThat(vol).isCloseTo(Math.sqrt(3.25e8), within(1e-6));
    }

    @Test
    void longRunAndForecastVolatilityOfAPartlyHedgedBook() {
        BookVolatility book = BookVolatility.estimate(Map.of("A", A, "B", B), new TwiceTheLongRunVolatility());
        // Correlation -1: 300 of A and 100 of B (vol 2 VOL_A) give |300 VOL_A - 200 VOL_A| = 100 VOL_A.
        Map<String, Double> positions = Map.of("A", 300.0, "B", 100.0);
        assertThat(book.longRunVolatility(positions)).isCloseTo(100 * VOL_A, within(1e-9));
        // The forecaster doubles every volatility, so the book's doubles too.
        assertThat(book.forecastVolatility(positions)).isCloseTo(200 * VOL_A, within(1e-9));
        assertThat(book.instrumentLongRunVolatility("B")).isCloseTo(2 * VOL_A, within(1e-12));
    }

    @Test
    void anInstrumentWithoutHistoryTakesTheMedianVolatilityAndNoCorrelation() {
        double[] broken = {0.01, Double.NaN, 0.02, 0.01};
        BookVolatility book = BookVolatility.estimate(Map.of("A", A, "B", B, "X", broken), new TwiceTheLongRunVolatility());
        assertThat(book.unmodelledInstruments()).containsExactly("X");
        // The median of VOL_A and 2 VOL_A is 1.5 VOL_A, for X (listed without usable history) and C (not listed).
        assertThat(book.instrumentLongRunVolatility("C")).isCloseTo(1.5 * VOL_A, within(1e-12));
        assertThat(book.instrumentLongRunVolatility("X")).isCloseTo(1.5 * VOL_A, within(1e-12));
        // 300 A + 100 B is 100 VOL_A as above; 1,000 of C adds 1,500 VOL_A uncorrelated:
        //   sqrt(100^2 + 1,500^2) VOL_A = sqrt(2,260,000) VOL_A.
        Map<String, Double> positions = Map.of("A", 300.0, "B", 100.0, "C", 1_000.0);
        assertThat(book.longRunVolatility(positions)).isCloseTo(Math.sqrt(2_260_000) * VOL_A, within(1e-9));
        assertThat(book.forecastVolatility(positions)).isCloseTo(2 * Math.sqrt(2_260_000) * VOL_A, within(1e-9));
    }

    @Test
    void anEmptyBookHasNoVolatility() {
        BookVolatility book = BookVolatility.estimate(Map.of("A", A), new TwiceTheLongRunVolatility());
        assertThat(book.forecastVolatility(Map.of())).isZero();
        assertThat(book.longRunVolatility(Map.of())).isZero();
    }

    @Test
    void withoutAnyHistoryEveryInstrumentGetsTheUnmodelledVolatility() {
        BookVolatility book = BookVolatility.estimate(Map.of(), EwmaForecaster.DEFAULT);
        // 1,000 of each of two uncorrelated instruments at 3%: sqrt(2) * 30.
        Map<String, Double> positions = Map.of("P", 1_000.0, "Q", -1_000.0);
        assertThat(book.forecastVolatility(positions)).isCloseTo(Math.sqrt(2) * 30, within(1e-9));
        assertThat(book.longRunVolatility(positions)).isCloseTo(Math.sqrt(2) * 30, within(1e-9));
    }

    @Test
    void historiesAreAlignedOnTheNewestDayForCorrelation() {
        // A longer A: an extra first day that would break the perfect anticorrelation if it were aligned
        // by its first day. Aligned on the newest day, the last four days of A and B still give -1.
        double[] longA = {0.05, 0.01, -0.01, 0.02, -0.02};
        BookVolatility book = BookVolatility.estimate(Map.of("A", longA, "B", B), new TwiceTheLongRunVolatility());
        // Long-run vol of longA: sqrt((25 + 1 + 1 + 4 + 4) / 5 * 1e-4) = sqrt(7e-4); of B: 2 VOL_A = sqrt(1e-3).
        // With correlation -1: |w_A sqrt(7e-4) - w_B sqrt(1e-3)|.
        Map<String, Double> positions = Map.of("A", 100.0, "B", 10.0);
        assertThat(book.longRunVolatility(positions))
                .isCloseTo(Math.abs(100 * Math.sqrt(7e-4) - 10 * Math.sqrt(1e-3)), within(1e-9));
    }

    /** Forecasts four times the mean squared return, that is twice the long-run volatility. */
    private static final class TwiceTheLongRunVolatility implements VolatilityForecaster {
        @Override
        public String name() {
            return "2x long run";
        }

        @Override
        public int minHistory() {
            return 2;
        }

        @Override
        public double forecastVariance(double[] returns, int end) {
            return 4 * SyntheticReturns.meanSquare(returns, 0, end);
        }
    }
}
