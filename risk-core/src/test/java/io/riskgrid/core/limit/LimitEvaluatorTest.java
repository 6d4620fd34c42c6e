package io.riskgrid.core.limit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Limit values and utilizations against a hand-built four-position book:
 * <pre>
 *   slot instrument sector   qty   price   mv
 *   0    AAPL       TECH     100   150     +15,000
 *   1    MSFT       TECH     -40   250     -10,000
 *   2    XOM        ENERGY   200   100     +20,000
 *   3    GLD        (none)   -30   180      -5,400
 * </pre>
 * gross = 15,000 + 10,000 + 20,000 + 5,400 = 50,400; net = 15,000 - 10,000 + 20,000 - 5,400 = 19,600;
 * equity 25,200, daily P&amp;L -1,200, drawdown 0.07, VaR 3,100.
 */
class LimitEvaluatorTest {

    private static final double EPS = 1e-12;
    private static final LimitEvaluator EVAL = LimitEvaluator.DEFAULT;

    private static AccountExposure book() {
        return new AccountExposure()
                .account(25_200, -1_200, 0.07, 3_100)
                .add("AAPL", "TECH", 100, 15_000)
                .add("MSFT", "TECH", -40, -10_000)
                .add("XOM", "ENERGY", 200, 20_000)
                .add("GLD", null, -30, -5_400);
    }

    private static LimitSet one(LimitScope scope, String target, LimitMetric metric, double max) {
        return LimitSet.of(List.of(new AccountLimit("ACC-1", "L1", scope, target, metric, max, 0.8)));
    }

    static Stream<Arguments> everyMetricInEveryAllowedScope() {
        return Stream.of(
                // ACCOUNT scope
                Arguments.of(LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 50_400.0),          // 15000+10000+20000+5400
                Arguments.of(LimitScope.ACCOUNT, null, LimitMetric.NET_NOTIONAL, 19_600.0),            // |15000-10000+20000-5400|
                Arguments.of(LimitScope.ACCOUNT, null, LimitMetric.POSITION_QTY, 200.0),               // largest of 100, 40, 200, 30
                Arguments.of(LimitScope.ACCOUNT, null, LimitMetric.CONCENTRATION, 20_000.0 / 50_400),  // XOM 20000 / gross = 25/63
                Arguments.of(LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 2.0),                     // 50400 / 25200
                Arguments.of(LimitScope.ACCOUNT, null, LimitMetric.DAILY_LOSS, 1_200.0),               // max(0, -(-1200))
                Arguments.of(LimitScope.ACCOUNT, null, LimitMetric.DRAWDOWN, 0.07),                    // as given
                Arguments.of(LimitScope.ACCOUNT, null, LimitMetric.VAR_99, 3_100.0),                   // as given
                // INSTRUMENT scope, MSFT (short)
                Arguments.of(LimitScope.INSTRUMENT, "MSFT", LimitMetric.GROSS_NOTIONAL, 10_000.0),     // |-10000|
                Arguments.of(LimitScope.INSTRUMENT, "MSFT", LimitMetric.NET_NOTIONAL, 10_000.0),       // |-10000|
                Arguments.of(LimitScope.INSTRUMENT, "MSFT", LimitMetric.POSITION_QTY, 40.0),           // |-40|
                Arguments.of(LimitScope.INSTRUMENT, "MSFT", LimitMetric.CONCENTRATION, 10_000.0 / 50_400), // 25/126
                // SECTOR scope, TECH = AAPL + MSFT
                Arguments.of(LimitScope.SECTOR, "TECH", LimitMetric.GROSS_NOTIONAL, 25_000.0),         // 15000 + 10000
                Arguments.of(LimitScope.SECTOR, "TECH", LimitMetric.NET_NOTIONAL, 5_000.0),            // |15000 - 10000|
                Arguments.of(LimitScope.SECTOR, "TECH", LimitMetric.POSITION_QTY, 140.0),              // 100 + |-40|
                Arguments.of(LimitScope.SECTOR, "TECH", LimitMetric.CONCENTRATION, 25_000.0 / 50_400), // 125/252
                // SECTOR scope, ENERGY = XOM only
                Arguments.of(LimitScope.SECTOR, "ENERGY", LimitMetric.GROSS_NOTIONAL, 20_000.0),
                Arguments.of(LimitScope.SECTOR, "ENERGY", LimitMetric.NET_NOTIONAL, 20_000.0),
                Arguments.of(LimitScope.SECTOR, "ENERGY", LimitMetric.POSITION_QTY, 200.0),
                Arguments.of(LimitScope.SECTOR, "ENERGY", LimitMetric.CONCENTRATION, 20_000.0 / 50_400));
    }

    @ParameterizedTest(name = "{2} of {0} {1} = {3}")
    @MethodSource("everyMetricInEveryAllowedScope")
    void everyMetricInEveryAllowedScopeMeasuresTheBook(LimitScope scope, String target, LimitMetric metric,
                                                       double expected) {
        assertThat(EVAL.value(one(scope, target, metric, 1), 0, book())).isCloseTo(expected, within(EPS));
    }

    @Test
    void everyMetricIsCovered() {
        // Guards the table above against a metric being added without a row.
        assertThat(everyMetricInEveryAllowedScope().map(a -> a.get()[2]).distinct())
                .containsExactlyInAnyOrder((Object[]) LimitMetric.values());
    }

    @Test
    void utilizationIsValueOverMax() {
        LimitSet limits = LimitSet.of(List.of(
                new AccountLimit("ACC-1", "gross", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 80_000, 0.8),
                new AccountLimit("ACC-1", "tech", LimitScope.SECTOR, "TECH", LimitMetric.GROSS_NOTIONAL, 20_000, 0.8),
                new AccountLimit("ACC-1", "lev", LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 4, 0.8),
                new AccountLimit("ACC-1", "loss", LimitScope.ACCOUNT, null, LimitMetric.DAILY_LOSS, 4_800, 0.8)));
        AccountExposure x = book();
        // 50400 / 80000 = 0.63; 25000 / 20000 = 1.25 (over the limit); 2 / 4 = 0.5; 1200 / 4800 = 0.25.
        assertThat(EVAL.utilization(limits, 0, x)).isCloseTo(0.63, within(EPS));
        assertThat(EVAL.utilization(limits, 1, x)).isCloseTo(1.25, within(EPS));
        assertThat(EVAL.utilization(limits, 2, x)).isCloseTo(0.5, within(EPS));
        assertThat(EVAL.utilization(limits, 3, x)).isCloseTo(0.25, within(EPS));
    }

    @Test
    void sectorGrossSumsOnlyPositionsInTheSector() {
        // Adding a position in another sector and one with no sector leaves TECH at 15000 + 10000 = 25000.
        AccountExposure x = book().add("BP", "ENERGY", 50, 1_500).add("SPY", null, 10, 4_000);
        assertThat(EVAL.value(one(LimitScope.SECTOR, "TECH", LimitMetric.GROSS_NOTIONAL, 1), 0, x))
                .isCloseTo(25_000, within(EPS));
        // ENERGY picks the new BP position up: 20000 + 1500 = 21500.
        assertThat(EVAL.value(one(LimitScope.SECTOR, "ENERGY", LimitMetric.GROSS_NOTIONAL, 1), 0, x))
                .isCloseTo(21_500, within(EPS));
    }

    @Test
    void sectorNetLetsLongsAndShortsOffset() {
        // TECH net = |+15000 - 10000| = 5000, while TECH gross is 25000.
        AccountExposure x = book();
        double net = EVAL.value(one(LimitScope.SECTOR, "TECH", LimitMetric.NET_NOTIONAL, 1), 0, x);
        double gross = EVAL.value(one(LimitScope.SECTOR, "TECH", LimitMetric.GROSS_NOTIONAL, 1), 0, x);
        assertThat(net).isCloseTo(5_000, within(EPS));
        assertThat(gross).isCloseTo(25_000, within(EPS));
    }

    @Test
    void netShortAccountMeasuresTheSizeOfItsNet() {
        // Add a -40,000 short: net = 19600 - 40000 = -20400, measured as |-20400| = 20400.
        AccountExposure x = book().add("SPY", null, -100, -40_000);
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.NET_NOTIONAL, 1), 0, x))
                .isCloseTo(20_400, within(EPS));
    }

    @Test
    void positionWithoutSectorCountsInNoSector() {
        // GLD has no sector; a sector with no positions at all measures 0 for every metric.
        AccountExposure x = book();
        for (LimitMetric m : new LimitMetric[]{LimitMetric.GROSS_NOTIONAL, LimitMetric.NET_NOTIONAL,
                LimitMetric.POSITION_QTY, LimitMetric.CONCENTRATION}) {
            assertThat(EVAL.value(one(LimitScope.SECTOR, "METALS", m, 1), 0, x)).as(m.name()).isZero();
        }
        // The instrument itself is still in scope by instrument id: |-30| shares.
        assertThat(EVAL.value(one(LimitScope.INSTRUMENT, "GLD", LimitMetric.POSITION_QTY, 1), 0, x))
                .isCloseTo(30, within(EPS));
    }

    @Test
    void instrumentScopeMatchesTheInstrumentIdNotTheSector() {
        // A limit on instrument "TECH" (no such instrument) sees nothing, though a sector has that name.
        assertThat(EVAL.value(one(LimitScope.INSTRUMENT, "TECH", LimitMetric.GROSS_NOTIONAL, 1), 0, book())).isZero();
        // A limit on sector "AAPL" (no such sector) sees nothing, though an instrument has that id.
        assertThat(EVAL.value(one(LimitScope.SECTOR, "AAPL", LimitMetric.GROSS_NOTIONAL, 1), 0, book())).isZero();
    }

    @Test
    void accountPositionQtyIsTheLargestPositionNotTheSum() {
        // Largest |q| is XOM's 200; the sum 100 + 40 + 200 + 30 = 370 would be wrong.
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.POSITION_QTY, 1), 0, book()))
                .isCloseTo(200, within(EPS));
    }

    @Test
    void largestShortPositionCountsByItsSize() {
        // A short of -500 shares worth -60000 is both the largest |q| and the largest |mv|.
        AccountExposure x = book().add("TSLA", "AUTO", -500, -60_000);
        // gross = 50400 + 60000 = 110400; concentration = 60000 / 110400 = 25/46.
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.POSITION_QTY, 1), 0, x))
                .isCloseTo(500, within(EPS));
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.CONCENTRATION, 1), 0, x))
                .isCloseTo(25.0 / 46, within(EPS));
    }

    @Test
    void flatAccountHasNoConcentration() {
        AccountExposure flat = new AccountExposure().account(10_000, 0, 0, Double.NaN);
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.CONCENTRATION, 1), 0, flat)).isZero();
        assertThat(EVAL.value(one(LimitScope.SECTOR, "TECH", LimitMetric.CONCENTRATION, 1), 0, flat)).isZero();
        assertThat(EVAL.value(one(LimitScope.INSTRUMENT, "AAPL", LimitMetric.CONCENTRATION, 1), 0, flat)).isZero();
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 1), 0, flat)).isZero();
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.POSITION_QTY, 1), 0, flat)).isZero();
    }

    @Test
    void accountWithOnlyFlatPositionsHasNoConcentration() {
        // Positions closed out (q 0, mv 0) leave gross 0; concentration must not be 0/0.
        AccountExposure x = new AccountExposure().account(10_000, 0, 0, 0).add("AAPL", "TECH", 0, 0).add("XOM", "ENERGY", 0, 0);
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.CONCENTRATION, 1), 0, x)).isZero();
        assertThat(EVAL.value(one(LimitScope.SECTOR, "TECH", LimitMetric.CONCENTRATION, 1), 0, x)).isZero();
    }

    @Test
    void singlePositionIsFullyConcentrated() {
        AccountExposure x = new AccountExposure().account(10_000, 0, 0, 0).add("AAPL", "TECH", -10, -1_500);
        // 1500 / 1500 = 1 for the account, the sector and the instrument.
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.CONCENTRATION, 1), 0, x)).isCloseTo(1, within(EPS));
        assertThat(EVAL.value(one(LimitScope.SECTOR, "TECH", LimitMetric.CONCENTRATION, 1), 0, x)).isCloseTo(1, within(EPS));
        assertThat(EVAL.value(one(LimitScope.INSTRUMENT, "AAPL", LimitMetric.CONCENTRATION, 1), 0, x)).isCloseTo(1, within(EPS));
    }

    @Test
    void leverageIsCappedWhenEquityIsZeroOrNegative() {
        LimitSet lev = one(LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 10);
        // Positions but no equity: leverage is undefined, so it is pinned at the cap of 1000.
        assertThat(EVAL.value(lev, 0, book().account(0, 0, 0, 0))).isEqualTo(1000.0);
        assertThat(EVAL.value(lev, 0, book().account(-5_000, 0, 0, 0))).isEqualTo(1000.0);
        // Utilization against a max of 10: 1000 / 10 = 100.
        assertThat(EVAL.utilization(lev, 0, book().account(-5_000, 0, 0, 0))).isCloseTo(100, within(EPS));
    }

    @Test
    void leverageIsCappedWhenEquityIsTiny() {
        // 50400 / 10 = 5040 > 1000, capped at 1000; 50400 / 100 = 504 is below the cap and kept.
        LimitSet lev = one(LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 10);
        assertThat(EVAL.value(lev, 0, book().account(10, 0, 0, 0))).isEqualTo(1000.0);
        assertThat(EVAL.value(lev, 0, book().account(100, 0, 0, 0))).isCloseTo(504, within(EPS));
    }

    @Test
    void flatAccountHasNoLeverageEvenWithoutEquity() {
        // gross 0 -> leverage 0 whatever the equity: nothing is levered.
        LimitSet lev = one(LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 10);
        assertThat(EVAL.value(lev, 0, new AccountExposure().account(0, 0, 0, 0))).isZero();
        assertThat(EVAL.value(lev, 0, new AccountExposure().account(-100, 0, 0, 0))).isZero();
    }

    @Test
    void winningDayHasNoDailyLoss() {
        LimitSet loss = one(LimitScope.ACCOUNT, null, LimitMetric.DAILY_LOSS, 1_000);
        assertThat(EVAL.value(loss, 0, book().account(25_200, 3_000, 0, 0))).isZero();
        assertThat(EVAL.value(loss, 0, book().account(25_200, 0, 0, 0))).isZero();
        // A 750 loss against a max of 1000: 0.75.
        assertThat(EVAL.utilization(loss, 0, book().account(25_200, -750, 0, 0))).isCloseTo(0.75, within(EPS));
    }

    @Test
    void unknownVarGivesUnknownUtilization() {
        LimitSet var = one(LimitScope.ACCOUNT, null, LimitMetric.VAR_99, 5_000);
        AccountExposure x = book().account(25_200, 0, 0, Double.NaN);
        assertThat(EVAL.value(var, 0, x)).isNaN();
        assertThat(EVAL.utilization(var, 0, x)).isNaN();
        // A new exposure has no VaR until one is set.
        assertThat(EVAL.utilization(var, 0, new AccountExposure())).isNaN();
        // Once known: 3100 / 5000 = 0.62.
        assertThat(EVAL.utilization(var, 0, book())).isCloseTo(0.62, within(EPS));
    }

    @Test
    void drawdownUtilizationIsTheFractionOverItsMax() {
        // 0.07 / 0.10 = 0.7.
        LimitSet dd = one(LimitScope.ACCOUNT, null, LimitMetric.DRAWDOWN, 0.10);
        assertThat(EVAL.utilization(dd, 0, book())).isCloseTo(0.7, within(EPS));
    }

    // ---- after a trade -------------------------------------------------------------------------

    @Test
    void afterTradeReplacesOnePositionOnly() {
        // Buy back 30 MSFT at 250: slot 1 becomes q -10, mv -2500.
        AccountExposure x = book();
        int msft = x.indexOf("MSFT");
        assertThat(msft).isEqualTo(1);
        LimitSet limits = LimitSet.of(List.of(
                new AccountLimit("ACC-1", "gross", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 100_000, 0.8),
                new AccountLimit("ACC-1", "msft", LimitScope.INSTRUMENT, "MSFT", LimitMetric.POSITION_QTY, 100, 0.8),
                new AccountLimit("ACC-1", "aapl", LimitScope.INSTRUMENT, "AAPL", LimitMetric.GROSS_NOTIONAL, 30_000, 0.8),
                new AccountLimit("ACC-1", "tech", LimitScope.SECTOR, "TECH", LimitMetric.NET_NOTIONAL, 25_000, 0.8),
                new AccountLimit("ACC-1", "xom", LimitScope.INSTRUMENT, "XOM", LimitMetric.CONCENTRATION, 1, 0.8)));

        // gross after = 15000 + 2500 + 20000 + 5400 = 42900 -> 42900 / 100000 = 0.429 (was 0.504)
        assertThat(EVAL.utilizationAfter(limits, 0, x, msft, -10, -2_500)).isCloseTo(0.429, within(EPS));
        // MSFT qty after = 10 -> 10 / 100 = 0.1 (was 0.4)
        assertThat(EVAL.utilizationAfter(limits, 1, x, msft, -10, -2_500)).isCloseTo(0.1, within(EPS));
        // AAPL is untouched: 15000 / 30000 = 0.5 before and after.
        assertThat(EVAL.utilizationAfter(limits, 2, x, msft, -10, -2_500)).isCloseTo(0.5, within(EPS));
        // TECH net after = |15000 - 2500| = 12500 -> 0.5 (was 5000 / 25000 = 0.2): the hedge shrank.
        assertThat(EVAL.utilizationAfter(limits, 3, x, msft, -10, -2_500)).isCloseTo(0.5, within(EPS));
        // XOM's value is unchanged but its share rises: 20000 / 42900 = 200/429 (was 20000 / 50400 = 25/63).
        assertThat(EVAL.utilizationAfter(limits, 4, x, msft, -10, -2_500)).isCloseTo(200.0 / 429, within(EPS));
    }

    @Test
    void lookingAheadDoesNotChangeTheExposure() {
        AccountExposure x = book();
        LimitSet gross = one(LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 100_000);
        EVAL.value(gross, 0, x, 2, 0, 0);
        // Still the original book: 50400, and slot 2 still holds XOM's 200 / 20000.
        assertThat(EVAL.value(gross, 0, x)).isCloseTo(50_400, within(EPS));
        assertThat(x.quantity(2)).isEqualTo(200);
        assertThat(x.marketValue(2)).isEqualTo(20_000);
    }

    @Test
    void afterTradeLargestPositionCanMoveToAnotherInstrument() {
        // Sell 190 XOM: slot 2 becomes q 10, mv 1000. Largest |q| is then AAPL's 100.
        // gross = 15000 + 10000 + 1000 + 5400 = 31400; largest |mv| = AAPL 15000 -> 15000 / 31400 = 75/157.
        AccountExposure x = book();
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.POSITION_QTY, 1), 0, x, 2, 10, 1_000))
                .isCloseTo(100, within(EPS));
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.CONCENTRATION, 1), 0, x, 2, 10, 1_000))
                .isCloseTo(75.0 / 157, within(EPS));
    }

    @Test
    void afterTradeLeverageUsesTheNewGross() {
        // Double AAPL: slot 0 becomes q 200, mv 30000. gross = 30000 + 10000 + 20000 + 5400 = 65400;
        // leverage = 65400 / 25200 = 109/42; against a max of 3: 109/126.
        LimitSet lev = one(LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 3);
        assertThat(EVAL.utilizationAfter(lev, 0, book(), 0, 200, 30_000)).isCloseTo(109.0 / 126, within(EPS));
    }

    @Test
    void afterTradeFlippingAShortChangesSectorNetSign() {
        // MSFT flips from -40 to +40 (mv +10000). TECH net = |15000 + 10000| = 25000; gross stays 25000;
        // sector qty = 100 + 40 = 140 (unchanged, sizes only).
        AccountExposure x = book();
        assertThat(EVAL.value(one(LimitScope.SECTOR, "TECH", LimitMetric.NET_NOTIONAL, 1), 0, x, 1, 40, 10_000))
                .isCloseTo(25_000, within(EPS));
        assertThat(EVAL.value(one(LimitScope.SECTOR, "TECH", LimitMetric.GROSS_NOTIONAL, 1), 0, x, 1, 40, 10_000))
                .isCloseTo(25_000, within(EPS));
        assertThat(EVAL.value(one(LimitScope.SECTOR, "TECH", LimitMetric.POSITION_QTY, 1), 0, x, 1, 40, 10_000))
                .isCloseTo(140, within(EPS));
    }

    @Test
    void accountFiguresDoNotDependOnTheTrade() {
        // Daily loss, drawdown and VaR are account figures, not functions of positions.
        AccountExposure x = book();
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.DAILY_LOSS, 1), 0, x, 0, 0, 0))
                .isCloseTo(1_200, within(EPS));
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.DRAWDOWN, 1), 0, x, 0, 0, 0))
                .isCloseTo(0.07, within(EPS));
        assertThat(EVAL.value(one(LimitScope.ACCOUNT, null, LimitMetric.VAR_99, 1), 0, x, 0, 0, 0))
                .isCloseTo(3_100, within(EPS));
    }

    @Test
    void noTradeMeansTheCurrentValue() {
        // NO_TRADE (-1) matches no slot; the replacement figures are ignored.
        AccountExposure x = book();
        LimitSet gross = one(LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 100_000);
        assertThat(EVAL.value(gross, 0, x, LimitEvaluator.NO_TRADE, 1e9, 1e9)).isCloseTo(50_400, within(EPS));
        assertThat(EVAL.utilizationAfter(gross, 0, x, LimitEvaluator.NO_TRADE, 1e9, 1e9)).isCloseTo(0.504, within(EPS));
    }
}
