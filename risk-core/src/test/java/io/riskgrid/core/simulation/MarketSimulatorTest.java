package io.riskgrid.core.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MarketSimulatorTest {

    @Test
    void sameSeedGivesSamePath() {
        DemoBook book = DemoBook.DEFAULT;
        double[] a = book.simulator(7).step(1.0 / 252).clone();
        double[] b = book.simulator(7).step(1.0 / 252).clone();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void sampleCorrelationMatchesTheFactorModel() {
        // Loadings 0.6 market, 0.5 sector: same sector 0.36 + 0.25 = 0.61, across sectors 0.36.
        double[] open = {100, 100, 100};
        double[] vol = {0.2, 0.2, 0.2};
        int[] sector = {0, 0, 1};
        MarketSimulator sim = new MarketSimulator(open, vol, sector, 2, 0.6, 0.5, 42);
        int n = 200_000;
        double[] last = open.clone();
        double[][] r = new double[3][n];
        for (int t = 0; t < n; t++) {
            double[] px = sim.step(1.0 / 252);
            for (int i = 0; i < 3; i++) {
                r[i][t] = Math.log(px[i] / last[i]);
                last[i] = px[i];
            }
        }
        // Standard error of a correlation near 0.5 with 200k samples is about 0.002.
        assertThat(corr(r[0], r[1])).isCloseTo(0.61, within(0.01));
        assertThat(corr(r[0], r[2])).isCloseTo(0.36, within(0.01));
        assertThat(sim.correlation(0, 1)).isCloseTo(0.61, within(1e-12));
    }

    @Test
    void loadingsAboveOneAreRejected() {
        assertThatThrownBy(() -> new MarketSimulator(new double[]{1}, new double[]{0.1}, new int[]{0}, 1, 0.8, 0.8, 1))
                .hasMessageContaining("must not exceed 1");
    }

    @Test
    void demoBookHasFiftyInstrumentsInSeveralSectorsAndOneHundredAccounts() {
        DemoBook book = DemoBook.DEFAULT;
        assertThat(book.instruments()).hasSize(50);
        assertThat(book.instruments().stream().map(i -> i.sector()).distinct().count()).isEqualTo(7);
        assertThat(book.accounts()).hasSize(100);
        assertThat(DemoBook.defaultLimits(book.accounts().get(0))).hasSize(7);
    }

    private static double corr(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
