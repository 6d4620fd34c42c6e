package io.riskgrid.compute.var;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketModelTest {

    @Test
    void aGridWithoutInstrumentsHasAnEmptyModelRatherThanAFailure() {
        MarketModel model = MarketModel.estimate(new TreeSet<>(), Map.of(), 17);

        assertThat(model.size()).isZero();
        assertThat(model.historyDays()).isZero();
        assertThat(model.indexOf("AAPL")).isEqualTo(-1);
        assertThatThrownBy(model::covariance).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no instruments");
    }

    @Test
    void anInstrumentWithoutHistoryIsUnmodelledAtThreePercentADay() {
        MarketModel model = MarketModel.estimate(new TreeSet<>(java.util.List.of("A", "B")), Map.of(), 17);

        assertThat(model.modelled(0)).isFalse();
        assertThat(model.covariance().volatility(1)).isEqualTo(0.03);
        assertThat(model.covariance().correlation(0, 1)).isZero();
    }
}
