package io.riskgrid.ml.feature;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.riskgrid.ml.feature.FeatureExtractor.CONCENTRATION_CHANGE;
import static io.riskgrid.ml.feature.FeatureExtractor.DIRECTIONALITY;
import static io.riskgrid.ml.feature.FeatureExtractor.FILL_RATE;
import static io.riskgrid.ml.feature.FeatureExtractor.INSTRUMENT_FOCUS;
import static io.riskgrid.ml.feature.FeatureExtractor.ORDER_SIZE;
import static io.riskgrid.ml.feature.FeatureExtractor.TURNOVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Features against hand-computed figures. */
class FeatureExtractorTest {

    private static final double EPS = 1e-12;
    private static final double LN2 = Math.log(2);

    /** Recent window 1 s, baseline the 4 s before: at now = 10,000 recent is (9,000, 10,000], baseline (5,000, 9,000]. */
    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(new FeatureWindows(1_000, 4_000));
    private static final long NOW = 10_000;

    private static FillEvent a(long ts, double quantity) {
        return new FillEvent(ts, "A", quantity, 10, 1);
    }

    private static FillEvent b(long ts, double quantity) {
        return new FillEvent(ts, "B", quantity, 100, 1);
    }

    /** An index future: price 100, contract size 50, so one contract is worth 5,000. */
    private static FillEvent f(long ts, double quantity) {
        return new FillEvent(ts, "F", quantity, 100, 50);
    }

    private static List<FillEvent> threeRecentSixBaselineAndTwoOutside() {
        List<FillEvent> fills = new ArrayList<>(List.of(
                // Baseline, notionals 1,000, 1,000, 2,000, 2,000, 4,000, 8,000; 9,000 is the baseline's last instant.
                a(5_500, 100), a(6_000, -100), b(6_500, 20), b(7_000, -20), a(7_500, 400), b(9_000, -80),
                // Recent: +3,000 in A, -2,000 in A, +10,000 in F (two contracts); 10,000 is now and counts.
                a(9_200, 300), a(9_500, -200), f(10_000, 2),
                // Outside: 5,000 is exactly one lookback old, 10,001 is in the future.
                a(5_000, 1_000), b(10_001, 500)));
        Collections.reverse(fills);
        return fills;
    }

    private static AccountState threePositions() {
        return new AccountState("ACC-1", 100_000, 0.02, List.of(
                new PositionState("A", 500, 10, 1),     // +5,000
                new PositionState("B", -50, 100, 1),    // -5,000
                new PositionState("F", 2, 100, 50)));   // +10,000
    }

    @Test
    void threeRecentAndSixBaselineFillsGiveTheHandComputedFeatures() {
        double[] x = EXTRACTOR.features(threeRecentSixBaselineAndTwoOutside(), threePositions(), NOW);

        assertThat(x).hasSize(FeatureExtractor.NAMES.size());
        // fillRate: 3 recent, 6 baseline; at the baseline pace 6 * 1,000 / 4,000 = 1.5 fills are expected.
        // log((3 + 1) / (1.5 + 1)) = log 1.6.
        assertThat(x[FILL_RATE]).isCloseTo(Math.log(1.6), within(EPS));
        // orderSize: baseline log notionals, in units of ln 2 above ln 1,000: 0, 0, 1, 1, 2, 3; median between
        // the two 1s, so the usual notional u = 2,000. Unit values 10 and 100 are below u, so
        // r = notional / 2,000 = 1/2, 1/2, 1, 1, 2, 4 and log r = -L, -L, 0, 0, L, 2L (L = ln 2): centre 0,
        // absolute deviations 0, 0, L, L, L, 2L, MAD = L.
        // Recent: 3,000 / 2,000 = 1.5; 2,000 / 2,000 = 1; the future 10,000 / max(2,000, 5,000) = 2.
        // orderSize = (ln 2 - 0) / (1.4826 ln 2 + 0.25).
        assertThat(x[ORDER_SIZE]).isCloseTo(LN2 / (1.4826 * LN2 + 0.25), within(EPS));
        // turnover: recent notional 3,000 + 2,000 + 10,000 = 15,000 on equity 100,000 in a 1 s window:
        // 0.15 per second = 9 per minute; log(1 + 9) = log 10.
        assertThat(x[TURNOVER]).isCloseTo(Math.log(10), within(EPS));
        // concentrationChange: now |5,000|, |-5,000|, |10,000|: gross 20,000, largest share 1/2.
        // At the window start A held 500 - (300 - 200) = 400 (4,000), B -50 (5,000), F 2 - 2 = 0:
        // gross 9,000, largest share 5/9. Change 1/2 - 5/9 = -1/18.
        assertThat(x[CONCENTRATION_CHANGE]).isCloseTo(-1.0 / 18, within(EPS));
        // directionality: |3,000 - 2,000 + 10,000| / 15,000 = 11/15.
        assertThat(x[DIRECTIONALITY]).isCloseTo(11.0 / 15, within(EPS));
        // instrumentFocus: two of the three recent fills are in A.
        assertThat(x[INSTRUMENT_FOCUS]).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void fillsOutsideTheLookbackChangeNothing() {
        List<FillEvent> inside = new ArrayList<>(threeRecentSixBaselineAndTwoOutside());
        inside.removeIf(e -> e.ts() == 5_000 || e.ts() == 10_001);
        assertThat(inside).hasSize(9);

        assertThat(EXTRACTOR.features(inside, threePositions(), NOW))
                .containsExactly(EXTRACTOR.features(threeRecentSixBaselineAndTwoOutside(), threePositions(), NOW));
    }

    @Test
    void noFillsNoPositionsAndZeroEquityGiveZeros() {
        // fillRate log(1 / 1) = 0; no recent fills: orderSize, directionality, focus 0; turnover log(1 + 0) = 0;
        // a flat book has share 0 now and at the start.
        double[] x = EXTRACTOR.features(List.of(), new AccountState("ACC-1", 0, 0, List.of()), NOW);

        assertThat(x).containsExactly(0, 0, 0, 0, 0, 0);
    }

    @Test
    void everyFeatureIsFiniteForAWipedOutAccountWithOneFill() {
        AccountState broke = new AccountState("ACC-1", -5_000, 1.2, List.of(new PositionState("A", 1, 10, 1)));

        double[] x = EXTRACTOR.features(List.of(a(9_999, 1)), broke, NOW);

        assertThat(java.util.Arrays.stream(x).allMatch(Double::isFinite)).isTrue();
        // Equity below 1 counts as 1: notional 10 in a 1 s window is 600 a minute; log(1 + 600).
        assertThat(x[TURNOVER]).isCloseTo(Math.log(601), within(EPS));
    }

    @Test
    void fewerThanFiveBaselineFillsMeasureTheRecentFillsAgainstThemselves() {
        // Recent notionals 1,000 and 4,000, no baseline: usual = exp((ln 1,000 + ln 4,000) / 2) = 2,000,
        // log r = -L and +L, centre 0, MAD L; the largest is +L.
        double[] x = EXTRACTOR.features(List.of(a(9_100, 100), a(9_900, -400)),
                new AccountState("ACC-1", 1_000_000, 0, List.of()), NOW);

        assertThat(x[ORDER_SIZE]).isCloseTo(LN2 / (1.4826 * LN2 + 0.25), within(EPS));
        // One fill each way: |1,000 - 4,000| / 5,000.
        assertThat(x[DIRECTIONALITY]).isCloseTo(0.6, within(EPS));
        assertThat(x[INSTRUMENT_FOCUS]).isEqualTo(1);
    }

    @Test
    void anInstrumentClosedInTheWindowCountsAtItsLastFillPrice() {
        // Now: only A, 100 at 10 = 1,000: share 1. C was sold flat in the window (10 at 60), so at the start C
        // held 10 worth 600 at its last fill price: shares 1,000 / 1,600 = 0.625. Change 0.375.
        AccountState state = new AccountState("ACC-1", 1_000_000, 0, List.of(new PositionState("A", 100, 10, 1)));

        double[] x = EXTRACTOR.features(List.of(new FillEvent(9_500, "C", -10, 60, 1)), state, NOW);

        assertThat(x[CONCENTRATION_CHANGE]).isCloseTo(0.375, within(EPS));
    }

    @Test
    void aBurstOfBuysInOneInstrumentRaisesRateDirectionAndFocus() {
        List<FillEvent> fills = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            fills.add(k % 2 == 0 ? a(5_100 + 100 * k, 100) : b(5_100 + 100 * k, -10));
        }
        for (int k = 0; k < 20; k++) {
            fills.add(a(9_010 + 10 * k, 100));
        }
        double[] x = EXTRACTOR.features(fills, new AccountState("ACC-1", 100_000, 0, List.of()), NOW);

        // 20 recent against 40 * 1,000 / 4,000 = 10 expected: log(21 / 11).
        assertThat(x[FILL_RATE]).isCloseTo(Math.log(21.0 / 11), within(EPS));
        assertThat(x[DIRECTIONALITY]).isEqualTo(1);
        assertThat(x[INSTRUMENT_FOCUS]).isEqualTo(1);
        // Every fill is worth 1,000, so every log r is 0 and MAD 0: orderSize 0 / 0.25.
        assertThat(x[ORDER_SIZE]).isZero();
    }

    @Test
    void windowsAreValidatedWithMessagesThatNameTheProblem() {
        assertThat(FeatureWindows.DEFAULT.lookbackMs()).isEqualTo(960_000);
        assertThatThrownBy(() -> new FeatureWindows(0, 1_000)).hasMessageContaining("recentMs must be positive");
        assertThatThrownBy(() -> new FeatureWindows(1_000, 1_000)).hasMessageContaining("baselineMs must be longer");
        assertThatThrownBy(() -> new FillEvent(0, "A", 0, 10, 1)).hasMessageContaining("signedQuantity");
        assertThatThrownBy(() -> new PositionState("A", 1, 0, 1)).hasMessageContaining("price");
    }

    @Test
    void notionalAndMarketValueAreQuantityTimesPriceTimesContractSize() {
        assertThat(new FillEvent(0, "ES", -3, 5_000, 50).notional()).isEqualTo(750_000);
        assertThat(new PositionState("ES", -3, 5_000, 50).marketValue()).isEqualTo(-750_000);
    }
}
