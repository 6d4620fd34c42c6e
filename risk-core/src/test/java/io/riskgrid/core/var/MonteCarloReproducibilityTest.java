package io.riskgrid.core.var;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reproducibility and linearity that callers rely on to aggregate Monte Carlo runs. The model
 * has 13 factors (an odd count, so the kernel's padding is exercised) with a one-factor-plus-sector
 * correlation, and the run has 5,000 paths: 39 full blocks of 128 and one of 8.
 */
class MonteCarloReproducibilityTest {

    private static final int FACTORS = 13;
    private static final int PATHS = 5_000;
    private static final CovarianceModel MODEL = sectorModel();
    private static final double[] BOOK = book(1);

    @Test
    void sameSeedGivesTheSamePnlBitForBitWhateverTheParallelism() {
        double[] one = simulate(new MonteCarloVar(1), BOOK, 7);
        double[] two = simulate(new MonteCarloVar(2), BOOK, 7);
        double[] four = simulate(new MonteCarloVar(4), BOOK, 7);

        assertThat(two).containsExactly(one);
        assertThat(four).containsExactly(one);
        assertThat(new MonteCarloVar(4).compute(BOOK, MODEL, 0.99, 10, PATHS, 7))
                .isEqualTo(new MonteCarloVar(1).compute(BOOK, MODEL, 0.99, 10, PATHS, 7));
    }

    @Test
    void differentSeedsGiveDifferentPaths() {
        double[] a = simulate(MonteCarloVar.DEFAULT, BOOK, 7);
        double[] b = simulate(MonteCarloVar.DEFAULT, BOOK, 8);

        int same = 0;
        for (int p = 0; p < PATHS; p++) {
            if (a[p] == b[p]) {
                same++;
            }
        }
        assertThat(same).isZero();
    }

    @Test
    void aShorterRunIsTheStartOfALongerOne() {
        double[] longer = simulate(MonteCarloVar.DEFAULT, BOOK, 7);
        double[] shorter = new double[300];
        MonteCarloVar.DEFAULT.simulatePnl(BOOK, MODEL, 1, shorter.length, 7, shorter);

        assertThat(shorter).containsExactly(Arrays.copyOf(longer, shorter.length));
    }

    @Test
    void pnlOfTwoBooksAddsUpToThePnlOfTheirUnion() {
        double[] a = book(1);
        double[] b = book(-3);
        double[] union = new double[FACTORS];
        for (int i = 0; i < FACTORS; i++) {
            union[i] = a[i] + b[i];
        }
        double[] pnlA = simulate(MonteCarloVar.DEFAULT, a, 11);
        double[] pnlB = simulate(MonteCarloVar.DEFAULT, b, 11);
        double[] pnlUnion = simulate(MonteCarloVar.DEFAULT, union, 11);

        double largest = 0;
        for (int p = 0; p < PATHS; p++) {
            largest = Math.max(largest, Math.abs(pnlA[p]) + Math.abs(pnlB[p]));
        }
        for (int p = 0; p < PATHS; p++) {
            assertThat(pnlA[p] + pnlB[p]).isCloseTo(pnlUnion[p], within(1e-9 * largest));
        }
    }

    @Test
    void concurrentCallsOnOneInstanceGiveTheSameResults() throws Exception {
        VarResult expected = new MonteCarloVar(1).compute(BOOK, MODEL, 0.99, 1, PATHS, 21);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<VarResult>> calls = new ArrayList<>();
            for (int c = 0; c < 24; c++) {
                calls.add(() -> MonteCarloVar.DEFAULT.compute(BOOK, MODEL, 0.99, 1, PATHS, 21));
            }
            for (Future<VarResult> result : callers.invokeAll(calls)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static double[] simulate(MonteCarloVar mc, double[] book, long seed) {
        double[] pnl = new double[PATHS];
        mc.simulatePnl(book, MODEL, 1, PATHS, seed, pnl);
        return pnl;
    }

    /** Market value (i + 1) x 100,000 x sign, alternating long and short. */
    private static double[] book(double sign) {
        double[] v = new double[FACTORS];
        for (int i = 0; i < FACTORS; i++) {
            v[i] = (i % 2 == 0 ? 1 : -1) * sign * (i + 1) * 100_000.0;
        }
        return v;
    }

    /** Correlation 0.3 across sectors and 0.6 within one of three sectors; volatilities 1% to 2.2%. */
    private static CovarianceModel sectorModel() {
        double[] vols = new double[FACTORS];
        double[][] corr = new double[FACTORS][FACTORS];
        for (int i = 0; i < FACTORS; i++) {
            vols[i] = 0.01 + 0.001 * i;
            for (int j = 0; j < FACTORS; j++) {
                corr[i][j] = i == j ? 1 : (i % 3 == j % 3 ? 0.6 : 0.3);
            }
        }
        return CovarianceModel.of(vols, corr);
    }
}
