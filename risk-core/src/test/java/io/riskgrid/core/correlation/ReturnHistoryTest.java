package io.riskgrid.core.correlation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Simple returns from price histories. */
class ReturnHistoryTest {

    private static final double EPS = 1e-15;

    @Test
    void simpleReturnIsPriceOverPreviousPriceMinusOne() {
        // 100 -> 110: 110/100 - 1 = 0.10; 110 -> 99: 99/110 - 1 = -0.10; 99 -> 99: 0.
        double[] r = ReturnHistory.simpleReturns(new double[]{100, 110, 99, 99});
        assertThat(r).hasSize(3);
        assertThat(r[0]).isCloseTo(0.10, within(EPS));
        assertThat(r[1]).isCloseTo(-0.10, within(EPS));
        assertThat(r[2]).isEqualTo(0.0);
    }

    @Test
    void severalHistoriesGiveOneSeriesEach() {
        // Row 0: 50 -> 55 -> 44 gives 0.10, -0.20; row 1: 20 -> 25 -> 20 gives 0.25, -0.20.
        double[][] r = ReturnHistory.simpleReturns(new double[][]{{50, 55, 44}, {20, 25, 20}});
        assertThat(r[0][0]).isCloseTo(0.10, within(EPS));
        assertThat(r[0][1]).isCloseTo(-0.20, within(EPS));
        assertThat(r[1][0]).isCloseTo(0.25, within(EPS));
        assertThat(r[1][1]).isCloseTo(-0.20, within(EPS));
    }

    @Test
    void fewerThanTwoPricesIsRejected() {
        assertThatThrownBy(() -> ReturnHistory.simpleReturns(new double[]{100}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prices must hold at least 2 prices");
    }

    @Test
    void aPriceThatIsNotPositiveIsRejectedByPosition() {
        assertThatThrownBy(() -> ReturnHistory.simpleReturns(new double[]{100, 0, 101}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prices[1] must be a positive number, was 0.0");
        assertThatThrownBy(() -> ReturnHistory.simpleReturns(new double[]{100, 101, Double.NaN}))
                .hasMessageContaining("prices[2] must be a positive number, was NaN");
        assertThatThrownBy(() -> ReturnHistory.simpleReturns(new double[][]{{1, 2}, {3, -4}}))
                .hasMessageContaining("prices[1][1] must be a positive number, was -4.0");
    }

    @Test
    void raggedHistoriesAreRejected() {
        assertThatThrownBy(() -> ReturnHistory.simpleReturns(new double[][]{{1, 2, 3}, {3, 4}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prices[1] has 2 prices, prices[0] has 3");
    }
}
