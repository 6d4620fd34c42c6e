package io.riskgrid.ml.simulation;

import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each incident sends the documented pattern of fills. */
class IncidentPlanTest {

    private static final Account ACCOUNT = new Account("ACC-T", "Test desk", "USD", 1_000_000, "MOMENTUM");
    private static final double USUAL = 10_000;
    /** Two equities (one unit worth 100 and 50) and a future whose one contract is worth 5,000 * 50 = 250,000. */
    private static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument("AAA", "AAA", "EQUITY", "TECH", "USD", 1, 0.25),
            new Instrument("BBB", "BBB", "EQUITY", "TECH", "USD", 1, 0.25),
            new Instrument("FUT", "FUT", "FUTURE", "INDEX", "USD", 50, 0.06));
    private static final double[] PRICES = {100, 50, 5_000};
    /** Rounding a quantity to whole units moves a notional by at most half a unit: at most 50 in the equities. */
    private static final double ROUNDING = 50;

    private static Supplier<String> ids() {
        int[] n = {0};
        return () -> "T-" + (++n[0]);
    }

    private static List<List<Fill>> play(IncidentPlan plan, int ticks) {
        Supplier<String> ids = ids();
        List<List<Fill>> perTick = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            perTick.add(plan.next(PRICES, 1_000L + 250L * t, ids));
        }
        return perTick;
    }

    private static double notional(Fill fill) {
        double contractSize = fill.instrumentId().equals("FUT") ? 50 : 1;
        return fill.quantity() * fill.price() * contractSize;
    }

    @Test
    void runawayAlgoSendsTenTimesTheUsualRateOneWayInOneInstrumentForSixtySeconds() {
        for (long seed = 1; seed <= 10; seed++) {
            IncidentPlan plan = new IncidentPlan(IncidentType.RUNAWAY_ALGO, ACCOUNT, INSTRUMENTS, USUAL, seed);
            List<List<Fill>> perTick = play(plan, 250);

            // 10 x 0.5 fills a tick = 5 a tick for 240 ticks (60 s), then nothing.
            for (int t = 0; t < 240; t++) {
                assertThat(perTick.get(t)).hasSize(5);
            }
            assertThat(perTick.subList(240, 250)).allMatch(List::isEmpty);
            assertThat(plan.done()).isTrue();
            List<Fill> all = perTick.stream().flatMap(List::stream).toList();
            assertThat(all).hasSize(1_200);
            assertThat(all).extracting(Fill::side).containsOnly(all.get(0).side());
            assertThat(all).extracting(Fill::instrumentId).containsOnly(all.get(0).instrumentId());
            // One future contract (250,000) is worth more than the usual 10,000: the runaway trades an equity.
            assertThat(all.get(0).instrumentId()).isNotEqualTo("FUT");
            assertThat(all).extracting(Fill::accountId).containsOnly("ACC-T");
            assertThat(all).allSatisfy(f -> assertThat(notional(f)).isBetween(0.5 * USUAL - ROUNDING, 1.5 * USUAL + ROUNDING));
        }
    }

    @Test
    void runawayAlgoCarriesFractionsOfAFillToTheNextTick() {
        // Usual 0.25 fills a tick: 2.5 a tick, so 2 and 3 alternately, 600 in 240 ticks.
        IncidentPlan plan = new IncidentPlan(IncidentType.RUNAWAY_ALGO, ACCOUNT, INSTRUMENTS, USUAL, 0.25, 7);
        List<List<Fill>> perTick = play(plan, 240);

        assertThat(perTick.get(0)).hasSize(2);
        assertThat(perTick.get(1)).hasSize(3);
        assertThat(perTick.stream().mapToInt(List::size).sum()).isEqualTo(600);
    }

    @Test
    void fatFingerIsOneFillOfThirtyToFiftyTimesTheUsualNotional() {
        List<Instrument> equities = INSTRUMENTS.subList(0, 2);
        double[] prices = {100, 50};
        for (long seed = 1; seed <= 50; seed++) {
            IncidentPlan plan = new IncidentPlan(IncidentType.FAT_FINGER, ACCOUNT, equities, USUAL, seed);
            List<Fill> first = plan.next(prices, 1_000, ids());

            assertThat(first).hasSize(1);
            assertThat(plan.done()).isTrue();
            assertThat(plan.next(prices, 1_250, ids())).isEmpty();
            double notional = first.get(0).quantity() * first.get(0).price();
            assertThat(notional).isBetween(30 * USUAL - ROUNDING, 50 * USUAL + ROUNDING);
        }
    }

    @Test
    void concentrationBuildUpBuysOneInstrumentUntilItHasBoughtTheAccountsEquity() {
        for (long seed = 1; seed <= 10; seed++) {
            IncidentPlan plan = new IncidentPlan(IncidentType.CONCENTRATION_BUILDUP, ACCOUNT, INSTRUMENTS, USUAL, seed);
            Supplier<String> ids = ids();
            double bought = 0;
            List<Fill> all = new ArrayList<>();
            int t = 0;
            for (; t < 240 && !plan.done(); t++) {
                for (Fill fill : plan.next(PRICES, 1_000L + 250L * t, ids)) {
                    bought += notional(fill);
                    all.add(fill);
                }
                // Paced evenly: never more than one fill ahead of equity * (t + 1) / 240. A fill is at most
                // 2 x usual, or one contract when a contract is worth more.
                double largestFill = all.get(0).instrumentId().equals("FUT") ? 250_000 : 2 * USUAL + ROUNDING;
                assertThat(bought).isLessThanOrEqualTo(1_000_000.0 * (t + 1) / 240 + largestFill);
            }

            assertThat(plan.done()).isTrue();
            assertThat(all).extracting(Fill::side).containsOnly(Side.BUY);
            assertThat(all).extracting(Fill::instrumentId).containsOnly(all.get(0).instrumentId());
            assertThat(bought).isGreaterThanOrEqualTo(1_000_000);
            if (!all.get(0).instrumentId().equals("FUT")) {
                // Each fill 1 to 2 times the usual 10,000: at least 1,000,000 / 20,000 = 50 fills, at most 100 + 1.
                assertThat(all).allSatisfy(f -> assertThat(notional(f)).isBetween(USUAL - ROUNDING, 2 * USUAL + ROUNDING));
                assertThat(all.size()).isBetween(50, 101);
                assertThat(bought).isLessThan(1_000_000 + 2 * USUAL + ROUNDING);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameFills() {
        for (IncidentType type : IncidentType.values()) {
            List<List<Fill>> first = play(new IncidentPlan(type, ACCOUNT, INSTRUMENTS, USUAL, 42), 240);
            List<List<Fill>> second = play(new IncidentPlan(type, ACCOUNT, INSTRUMENTS, USUAL, 42), 240);
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void pricesMustMatchTheInstruments() {
        IncidentPlan plan = new IncidentPlan(IncidentType.FAT_FINGER, ACCOUNT, INSTRUMENTS, USUAL, 1);

        assertThatThrownBy(() -> plan.next(new double[] {100, 50}, 0, ids()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prices");
        assertThatThrownBy(() -> new IncidentPlan(IncidentType.FAT_FINGER, ACCOUNT, INSTRUMENTS, 0, 1))
                .hasMessageContaining("usualNotional");
    }

    @Test
    void theDemoUsualNotionalIsTheMeanOfTheDemoFlowsHalfToThreePercentOfEquity() {
        // Uniform on [0.5%, 3%] of equity has mean 1.75%: 17,500 on 1,000,000.
        assertThat(IncidentPlan.demoUsualNotional(ACCOUNT)).isCloseTo(17_500, org.assertj.core.api.Assertions.within(1e-9));
    }
}
