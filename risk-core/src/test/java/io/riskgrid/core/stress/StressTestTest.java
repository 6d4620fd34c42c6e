package io.riskgrid.core.stress;

import io.riskgrid.core.limit.AccountExposure;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.limit.LimitSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * One account under "equities -20%, tech -35%", worked by hand:
 * <pre>
 *   slot instrument sector      class   qty   mv before  change  P&amp;L     mv after
 *   0    AAPL       TECH        EQUITY  100     15,000   -0.35   -5,250    9,750
 *   1    JPM        FINANCIALS  EQUITY  200     20,000   -0.20   -4,000   16,000
 *   2    MSFT       TECH        EQUITY  -40    -10,000   -0.35   +3,500   -6,500
 *   3    ESZ5       INDEX       FUTURE    2     50,000    0           0   50,000
 * </pre>
 * P&amp;L = -5,250 - 4,000 + 3,500 + 0 = -5,750. Equity 100,000 -> 94,250. Day's P&amp;L
 * -1,000 -> -6,750. Drawdown 0.04 implies a peak of 100,000 / 0.96; after the stress it is
 * 1 - 94,250 / (100,000 / 0.96) = 1 - 0.9425 * 0.96 = 1 - 0.9048 = 0.0952.
 * Gross before 15,000 + 20,000 + 10,000 + 50,000 = 95,000; after 9,750 + 16,000 + 6,500 + 50,000 = 82,250.
 * VaR 3,000 is carried over unchanged.
 */
class StressTestTest {

    private static final double EPS = 1e-9;
    private static final StressTest STRESS = StressTest.DEFAULT;

    private static final StressScenario EQUITY_CRASH = StressScenario.of("equities -20%, tech -35%",
            Shock.assetClass("EQUITY", -0.20), Shock.sector("TECH", -0.35));

    private static final Function<String, String> ASSET_CLASS =
            Map.of("AAPL", "EQUITY", "JPM", "EQUITY", "MSFT", "EQUITY", "ESZ5", "FUTURE")::get;

    private static AccountExposure book() {
        return new AccountExposure()
                .account(100_000, -1_000, 0.04, 3_000)
                .add("AAPL", "TECH", 100, 15_000)
                .add("JPM", "FINANCIALS", 200, 20_000)
                .add("MSFT", "TECH", -40, -10_000)
                .add("ESZ5", "INDEX", 2, 50_000);
    }

    private static AccountLimit limit(String id, LimitMetric metric, double max) {
        return new AccountLimit("ACC-1", id, LimitScope.ACCOUNT, null, metric, max, 0.8);
    }

    @Test
    void pnlAndEquityAfterAreTheSumOfMarketValueTimesChange() {
        AccountStressResult r = STRESS.account("ACC-1", EQUITY_CRASH, book(), LimitSet.EMPTY, ASSET_CLASS);
        assertThat(r.accountId()).isEqualTo("ACC-1");
        assertThat(r.positionPnl()).containsExactly(new double[]{-5_250, -4_000, 3_500, 0}, within(EPS));
        assertThat(r.pnl()).isCloseTo(-5_750, within(EPS));
        assertThat(r.equityBefore()).isEqualTo(100_000);
        assertThat(r.equityAfter()).isCloseTo(94_250, within(EPS));
        assertThat(r.positionCount()).isEqualTo(4);
        assertThat(r.wouldBreach()).isFalse();
        assertThat(r.breaches()).isEmpty();
    }

    @Test
    void theStressedBookScalesMarketValuesAndMovesEquityDayPnlAndDrawdown() {
        AccountExposure before = book();
        AccountExposure after = STRESS.stressed(EQUITY_CRASH, before, ASSET_CLASS);
        assertThat(after.size()).isEqualTo(4);
        double[] mvAfter = {9_750, 16_000, -6_500, 50_000};
        double[] qty = {100, 200, -40, 2};
        for (int k = 0; k < 4; k++) {
            assertThat(after.instrumentId(k)).isEqualTo(before.instrumentId(k));
            assertThat(after.sector(k)).isEqualTo(before.sector(k));
            assertThat(after.quantity(k)).isEqualTo(qty[k]);
            assertThat(after.marketValue(k)).isCloseTo(mvAfter[k], within(EPS));
        }
        assertThat(after.grossExposure()).isCloseTo(82_250, within(EPS));
        assertThat(after.equity()).isCloseTo(94_250, within(EPS));
        assertThat(after.dailyPnl()).isCloseTo(-6_750, within(EPS));
        assertThat(after.drawdown()).isCloseTo(0.0952, within(1e-12));
        assertThat(after.var99()).isEqualTo(3_000);
        // The book that was stressed is left as it was.
        assertThat(before.marketValue(0)).isEqualTo(15_000);
        assertThat(before.equity()).isEqualTo(100_000);
        assertThat(before.grossExposure()).isEqualTo(95_000);
    }

    @Test
    void limitsOverTheirMaximumAfterTheStressAreReportedAndOthersNot() {
        LimitSet limits = LimitSet.of(List.of(
                limit("gross-80k", LimitMetric.GROSS_NOTIONAL, 80_000),   // 82,250 / 80,000 = 1.028125  breach
                limit("gross-85k", LimitMetric.GROSS_NOTIONAL, 85_000),   // 82,250 / 85,000 = 0.9676    (was 1.118 before)
                limit("loss-5k", LimitMetric.DAILY_LOSS, 5_000),          // 6,750 / 5,000 = 1.35        breach
                limit("loss-10k", LimitMetric.DAILY_LOSS, 10_000),        // 6,750 / 10,000 = 0.675
                limit("dd-9", LimitMetric.DRAWDOWN, 0.09),                // 0.0952 / 0.09 = 1.05778     breach
                limit("dd-10", LimitMetric.DRAWDOWN, 0.10),               // 0.0952 / 0.10 = 0.952
                limit("conc-60", LimitMetric.CONCENTRATION, 0.60),        // 50,000 / 82,250 = 0.60790 -> 1.01317 breach (0.526 before)
                new AccountLimit("ACC-1", "tech-gross", LimitScope.SECTOR, "TECH", LimitMetric.GROSS_NOTIONAL, 20_000, 0.8),
                                                                          // 9,750 + 6,500 = 16,250 / 20,000 = 0.8125
                limit("lev-1", LimitMetric.LEVERAGE, 1.0),                // 82,250 / 94,250 = 0.8727
                limit("var", LimitMetric.VAR_99, 2_500)));                // 3,000 unchanged / 2,500 = 1.2 breach
        AccountStressResult r = STRESS.account("ACC-1", EQUITY_CRASH, book(), limits, ASSET_CLASS);
        assertThat(r.wouldBreach()).isTrue();
        assertThat(r.breaches()).extracting(StressBreach::limitId)
                .containsExactly("gross-80k", "loss-5k", "dd-9", "conc-60", "var");
        assertBreach(r.breaches().get(0), LimitMetric.GROSS_NOTIONAL, 82_250, 80_000, 82_250.0 / 80_000);
        assertBreach(r.breaches().get(1), LimitMetric.DAILY_LOSS, 6_750, 5_000, 1.35);
        assertBreach(r.breaches().get(2), LimitMetric.DRAWDOWN, 0.0952, 0.09, 0.0952 / 0.09);
        assertBreach(r.breaches().get(3), LimitMetric.CONCENTRATION, 50_000.0 / 82_250, 0.60, 50_000.0 / 82_250 / 0.60);
        assertBreach(r.breaches().get(4), LimitMetric.VAR_99, 3_000, 2_500, 1.2);
    }

    private static void assertBreach(StressBreach b, LimitMetric metric, double value, double max, double utilization) {
        assertThat(b.metric()).isEqualTo(metric);
        assertThat(b.valueAfter()).isCloseTo(value, within(1e-9));
        assertThat(b.maxValue()).isEqualTo(max);
        assertThat(b.utilization()).isCloseTo(utilization, within(1e-12));
    }

    @Test
    void aShortSqueezeTakesGrossOverItsLimit() {
        /*
         * Short-heavy tech book, "tech +40%":
         *   AAPL long  +10,000 -> 14,000   P&L +4,000
         *   MSFT short -30,000 -> -42,000  P&L -12,000
         *   JPM  long  +20,000 unchanged   P&L 0
         * P&L -8,000; equity 50,000 -> 42,000; gross 60,000 -> 14,000 + 42,000 + 20,000 = 76,000.
         * Drawdown 0 before, so the peak is 50,000: after = (50,000 - 42,000) / 50,000 = 0.16.
         */
        AccountExposure x = new AccountExposure()
                .account(50_000, 0, 0, Double.NaN)
                .add("AAPL", "TECH", 50, 10_000)
                .add("MSFT", "TECH", -120, -30_000)
                .add("JPM", "FINANCIALS", 100, 20_000);
        LimitSet limits = LimitSet.of(List.of(
                limit("gross-70k", LimitMetric.GROSS_NOTIONAL, 70_000),   // 60,000 before (0.857), 76,000 after (1.0857) breach
                limit("gross-80k", LimitMetric.GROSS_NOTIONAL, 80_000),   // 76,000 / 80,000 = 0.95
                limit("dd-15", LimitMetric.DRAWDOWN, 0.15),               // 0.16 / 0.15 = 1.0667 breach
                limit("dd-20", LimitMetric.DRAWDOWN, 0.20),               // 0.16 / 0.20 = 0.8
                limit("var", LimitMetric.VAR_99, 1)));                    // VaR unknown (NaN): never a breach
        AccountStressResult r = STRESS.account("ACC-2", StressScenario.of("tech squeeze", Shock.sector("TECH", 0.40)), x,
                limits, id -> "EQUITY");
        assertThat(r.pnl()).isCloseTo(-8_000, within(EPS));
        assertThat(r.equityAfter()).isCloseTo(42_000, within(EPS));
        assertThat(r.breaches()).extracting(StressBreach::limitId).containsExactly("gross-70k", "dd-15");
        assertBreach(r.breaches().get(0), LimitMetric.GROSS_NOTIONAL, 76_000, 70_000, 76_000.0 / 70_000);
        assertBreach(r.breaches().get(1), LimitMetric.DRAWDOWN, 0.16, 0.15, 0.16 / 0.15);
    }

    @Test
    void anInstrumentWithNoKnownAssetClassIsMissedOnlyByAssetClassShocks() {
        // ESZ5's asset class is unknown (null); an EQUITY shock misses it, an INDEX sector shock still reaches it:
        // 50,000 * -0.10 = -5,000.
        Function<String, String> unknown = id -> null;
        StressScenario s = StressScenario.of("index", Shock.assetClass("FUTURE", -0.50), Shock.sector("INDEX", -0.10));
        AccountStressResult r = STRESS.account("ACC-1", s, book(), LimitSet.EMPTY, unknown);
        assertThat(r.positionPnl()).containsExactly(new double[]{0, 0, 0, -5_000}, within(EPS));
    }

    @Test
    void aFlatAccountLosesNothing() {
        AccountExposure flat = new AccountExposure().account(10_000, 0, 0, Double.NaN);
        AccountStressResult r = STRESS.account("ACC-3", EQUITY_CRASH, flat, LimitSet.EMPTY, ASSET_CLASS);
        assertThat(r.pnl()).isEqualTo(0.0);
        assertThat(r.equityAfter()).isEqualTo(10_000);
        assertThat(r.positionPnl()).isEmpty();
    }

    @Test
    void drawdownIsMeasuredFromThePeakImpliedByEquityAndDrawdown() {
        // Peak 100,000 / 0.96. A gain of 2,000: 1 - 102,000 * 0.96 / 100,000 = 1 - 0.9792 = 0.0208.
        assertThat(StressTest.drawdownAfter(100_000, 0.04, 102_000)).isCloseTo(0.0208, within(1e-12));
        // A gain past the peak (110,000 > 104,166.67) sets a new high: drawdown 0.
        assertThat(StressTest.drawdownAfter(100_000, 0.04, 110_000)).isEqualTo(0.0);
        // At the peak (drawdown 0), a 25% loss of equity is a 25% drawdown.
        assertThat(StressTest.drawdownAfter(80_000, 0, 60_000)).isCloseTo(0.25, within(1e-15));
        // An account that has lost its whole peak has no recoverable peak: drawdown carried over.
        assertThat(StressTest.drawdownAfter(-5_000, 1.2, -8_000)).isEqualTo(1.2);
        // An account that never had positive equity has no drawdown, as AccountRiskCalculator says.
        assertThat(StressTest.drawdownAfter(-5_000, 0, -8_000)).isEqualTo(0.0);
        assertThat(StressTest.drawdownAfter(1_000, Double.NaN, 500)).isNaN();
    }

    @Test
    void argumentsAreRequired() {
        assertThatThrownBy(() -> STRESS.account(" ", EQUITY_CRASH, book(), LimitSet.EMPTY, ASSET_CLASS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountId is required");
        assertThatThrownBy(() -> STRESS.account("A", null, book(), LimitSet.EMPTY, ASSET_CLASS))
                .hasMessageContaining("scenario is required");
        assertThatThrownBy(() -> STRESS.account("A", EQUITY_CRASH, null, LimitSet.EMPTY, ASSET_CLASS))
                .hasMessageContaining("before is required");
        assertThatThrownBy(() -> STRESS.account("A", EQUITY_CRASH, book(), null, ASSET_CLASS))
                .hasMessageContaining("limits is required");
        assertThatThrownBy(() -> STRESS.account("A", EQUITY_CRASH, book(), LimitSet.EMPTY, null))
                .hasMessageContaining("assetClassOf is required");
    }
}
