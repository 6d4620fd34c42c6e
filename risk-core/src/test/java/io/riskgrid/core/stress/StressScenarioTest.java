package io.riskgrid.core.stress;

import io.riskgrid.core.correlation.ReturnHistory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Which shock reaches which instrument, and historical replays. */
class StressScenarioTest {

    private static final double EPS = 1e-15;

    private static final StressScenario EQUITY_CRASH = StressScenario.of("equities -20%, tech -35%",
            Shock.assetClass("EQUITY", -0.20), Shock.sector("TECH", -0.35));

    @Test
    void theMostSpecificShockWins() {
        // A tech stock is in both EQUITY and TECH: the sector shock is more specific.
        assertThat(EQUITY_CRASH.changeFor("AAPL", "TECH", "EQUITY")).isEqualTo(-0.35);
        // A bank is only reached by the asset-class shock.
        assertThat(EQUITY_CRASH.changeFor("JPM", "FINANCIALS", "EQUITY")).isEqualTo(-0.20);
        // An index future is neither EQUITY nor TECH: unaffected.
        assertThat(EQUITY_CRASH.changeFor("ESZ5", "INDEX", "FUTURE")).isEqualTo(0.0);
    }

    @Test
    void anInstrumentShockBeatsItsSectorAndAssetClass() {
        StressScenario s = StressScenario.of("chips", Shock.assetClass("EQUITY", -0.20), Shock.sector("TECH", -0.35),
                Shock.instrument("NVDA", -0.50), Shock.instrument("JPM", 0.05));
        assertThat(s.changeFor("NVDA", "TECH", "EQUITY")).isEqualTo(-0.50);
        assertThat(s.changeFor("JPM", "FINANCIALS", "EQUITY")).isEqualTo(0.05);
        assertThat(s.changeFor("AAPL", "TECH", "EQUITY")).isEqualTo(-0.35);
    }

    @Test
    void sectorsAndAssetClassesIgnoreCaseButInstrumentIdsDoNot() {
        StressScenario s = StressScenario.of("mixed case", Shock.sector("tech", -0.35), Shock.assetClass("Equity", -0.20),
                Shock.instrument("aapl", -0.90));
        assertThat(s.changeFor("MSFT", "TECH", "EQUITY")).isEqualTo(-0.35);
        assertThat(s.changeFor("JPM", "FINANCIALS", "EQUITY")).isEqualTo(-0.20);
        // "aapl" is not the instrument id "AAPL", so AAPL falls through to its sector.
        assertThat(s.changeFor("AAPL", "TECH", "EQUITY")).isEqualTo(-0.35);
        assertThat(s.changeFor("aapl", "TECH", "EQUITY")).isEqualTo(-0.90);
    }

    @Test
    void aMissingSectorOrAssetClassIsReachedByNothingAtThatLevel() {
        assertThat(EQUITY_CRASH.changeFor("GLD", null, "EQUITY")).isEqualTo(-0.20);
        assertThat(EQUITY_CRASH.changeFor("XYZ", null, null)).isEqualTo(0.0);
    }

    @Test
    void twoShocksOnOneTargetAreRejected() {
        assertThatThrownBy(() -> StressScenario.of("twice", Shock.sector("TECH", -0.3), Shock.sector("tech", -0.4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shocks[1] is a second shock on SECTOR 'tech'");
        assertThatThrownBy(() -> StressScenario.of("twice", Shock.instrument("AAPL", -0.3), Shock.instrument("AAPL", -0.4)))
                .hasMessageContaining("shocks[1] is a second shock on INSTRUMENT 'AAPL'");
        // The same key under different targets is not a clash: a sector and an asset class may share a name.
        assertThat(StressScenario.of("ok", Shock.sector("ENERGY", -0.3), Shock.assetClass("ENERGY", -0.1))
                .changeFor("XOM", "ENERGY", "EQUITY")).isEqualTo(-0.3);
    }

    @Test
    void shocksAreValidated() {
        assertThatThrownBy(() -> Shock.sector("TECH", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("change must be greater than -1");
        assertThatThrownBy(() -> Shock.sector("TECH", Double.NaN))
                .hasMessageContaining("change must be a finite number, was NaN");
        assertThatThrownBy(() -> Shock.instrument(" ", -0.1)).hasMessageContaining("key is required");
        assertThatThrownBy(() -> new Shock(null, "TECH", -0.1)).hasMessageContaining("target is required");
        assertThatThrownBy(() -> StressScenario.of(" ", Shock.sector("TECH", -0.1))).hasMessageContaining("name is required");
        assertThatThrownBy(() -> new StressScenario("x", java.util.Arrays.asList(Shock.sector("TECH", -0.1), null)))
                .hasMessageContaining("shocks[1] is required");
    }

    @Test
    void shocksKeepTheirOrderAndCannotBeChanged() {
        assertThat(EQUITY_CRASH.shocks()).containsExactly(Shock.assetClass("EQUITY", -0.20), Shock.sector("TECH", -0.35));
        assertThatThrownBy(() -> EQUITY_CRASH.shocks().add(Shock.instrument("X", 0.1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(EQUITY_CRASH).isEqualTo(new StressScenario("equities -20%, tech -35%",
                List.of(Shock.assetClass("EQUITY", -0.20), Shock.sector("TECH", -0.35))));
    }

    @Test
    void aScenarioSurvivesJavaSerializationForTheTripToAGridNode() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(EQUITY_CRASH);
        }
        Object copy;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }
        assertThat(copy).isEqualTo(EQUITY_CRASH);
        assertThat(((StressScenario) copy).changeFor("AAPL", "tech", "equity")).isEqualTo(-0.35);
    }

    @Test
    void aScenarioWithoutShocksMovesNothing() {
        assertThat(new StressScenario("calm", List.of()).changeFor("AAPL", "TECH", "EQUITY")).isEqualTo(0.0);
    }

    @Test
    void historicalReplayCompoundsEachInstrumentsReturnsOverTheWindow() {
        double[][] returns = {
                {0.10, -0.20, 0.05, 0.02},
                {-0.05, 0.10, 0.00, -0.10}};
        // Window [0, 3):  A 1.10 * 0.80 * 1.05 = 0.924  -> -0.076
        //                 B 0.95 * 1.10 * 1.00 = 1.045  -> +0.045
        StressScenario first = StressScenario.historical("replay 0-3", List.of("A", "B"), returns, 0, 3);
        assertThat(first.changeFor("A", null, null)).isCloseTo(-0.076, within(EPS));
        assertThat(first.changeFor("B", null, null)).isCloseTo(0.045, within(EPS));
        // Window [1, 4):  A 0.80 * 1.05 * 1.02 = 0.8568 -> -0.1432
        //                 B 1.10 * 1.00 * 0.90 = 0.99   -> -0.01
        StressScenario last = StressScenario.historical("replay 1-4", List.of("A", "B"), returns, 1, 4);
        assertThat(last.changeFor("A", null, null)).isCloseTo(-0.1432, within(EPS));
        assertThat(last.changeFor("B", null, null)).isCloseTo(-0.01, within(EPS));
        // Every shock is an INSTRUMENT shock; an instrument not replayed does not move.
        assertThat(last.shocks()).extracting(Shock::target).containsOnly(ShockTarget.INSTRUMENT);
        assertThat(last.changeFor("C", "TECH", "EQUITY")).isEqualTo(0.0);
    }

    @Test
    void historicalReplayOfReturnsFromPricesIsTheWholePriceMoveAtOnce() {
        // Prices 100 -> 110 -> 88 -> 92.4: replaying returns [0, 3) moves the price from 100 to 92.4,
        // a change of 92.4 / 100 - 1 = -0.076.
        double[][] returns = ReturnHistory.simpleReturns(new double[][]{{100, 110, 88, 92.4}});
        StressScenario s = StressScenario.historical("prices", List.of("A"), returns, 0, 3);
        assertThat(s.changeFor("A", null, null)).isCloseTo(-0.076, within(1e-14));
    }

    @Test
    void historicalReplayIsValidated() {
        double[][] returns = {{0.1, 0.2}, {0.1, 0.2}};
        assertThatThrownBy(() -> StressScenario.historical("r", List.of("A"), returns, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returns has 2 series but instrumentIds names 1 instruments");
        assertThatThrownBy(() -> StressScenario.historical("r", List.of("A", "B"), returns, 1, 1))
                .hasMessageContaining("window [1, 1) must be non-empty and within the 2 observations");
        assertThatThrownBy(() -> StressScenario.historical("r", List.of("A", "B"), returns, 0, 3))
                .hasMessageContaining("window [0, 3)");
        assertThatThrownBy(() -> StressScenario.historical("r", List.of("A", "B"), new double[][]{{0.1, 0.2}, {0.1}}, 0, 1))
                .hasMessageContaining("returns[1] has 1 observations, returns[0] has 2");
        assertThatThrownBy(() -> StressScenario.historical("r", List.of("A", "B"), new double[][]{{0.1, -1.0}, {0.1, 0.2}}, 0, 2))
                .hasMessageContaining("returns[0][1] must be a finite return greater than -1, was -1.0");
        assertThatThrownBy(() -> StressScenario.historical("r", List.of("A", "A"), returns, 0, 2))
                .hasMessageContaining("second shock on INSTRUMENT 'A'");
    }
}
