package io.riskgrid.core.stress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StressRequestTest {

    @Test
    void shocksSurviveTheRoundTripThroughTheRequest() {
        StressScenario s = new StressScenario("crash", List.of(new Shock(ShockTarget.ASSET_CLASS, "EQUITY", -0.2),
                new Shock(ShockTarget.SECTOR, "TECH", -0.35)));
        StressRequest r = StressRequest.shocks(s, 5);
        assertThat(r.isReplay()).isFalse();
        assertThat(r.worst()).isEqualTo(5);
        assertThat(r.scenario()).isEqualTo(s);
    }

    @Test
    void replayNeedsAWindowThatMovesForward() {
        StressRequest r = StressRequest.replay("week", 3, 8, 10);
        assertThat(r.isReplay()).isTrue();
        assertThat(r.replayFromDay()).isEqualTo(3);
        assertThat(r.replayToDay()).isEqualTo(8);
        assertThatThrownBy(r::scenario).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StressRequest.replay("back", 5, 5, 10)).hasMessage("toDay must be after fromDay (5), was 5");
        assertThatThrownBy(() -> StressRequest.replay("neg", -1, 5, 10)).hasMessage("fromDay must be zero or positive, was -1");
        assertThatThrownBy(() -> StressRequest.replay("many", 0, 5, 0)).hasMessage("worst must be between 1 and 1000, was 0");
    }

    @Test
    void namedScenariosAreFoundIgnoringCaseAndUnknownOnesListTheKnown() {
        StressScenario crash = StressScenarios.named("equity_crash");
        // A tech stock takes the sector's -35%, a bank the asset class's -20%.
        assertThat(crash.changeFor("AAPL", "TECH", "EQUITY")).isEqualTo(-0.35);
        assertThat(crash.changeFor("JPM", "FINANCIALS", "EQUITY")).isEqualTo(-0.20);
        assertThat(StressScenarios.names()).containsExactly("COVID_2020", "DOTCOM_2000", "EQUITY_CRASH", "GFC_2008",
                "SHORT_SQUEEZE");
        assertThatThrownBy(() -> StressScenarios.named("ALIENS"))
                .hasMessage("scenario must be one of COVID_2020, DOTCOM_2000, EQUITY_CRASH, GFC_2008, SHORT_SQUEEZE, was 'ALIENS'");
    }
}
