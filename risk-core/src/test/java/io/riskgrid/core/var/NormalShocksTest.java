package io.riskgrid.core.var;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The random streams and normal deviates behind Monte Carlo VaR, checked against Commons RNG's own
 * generators and against the normal distribution.
 */
class NormalShocksTest {

    private static final int LANES = NormalShocks.LANES;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Test
    void eachLaneIsTheXoShiRo256PlusPlusStreamOfItsPath() {
        long seed = 42;
        long firstPath = 1_000;
        NormalShocks shocks = new NormalShocks();
        shocks.startPaths(seed, firstPath);
        long[] draws = new long[LANES];
        long[][] lanes = new long[20][];
        for (int step = 0; step < lanes.length; step++) {
            shocks.nextLongs(draws);
            lanes[step] = draws.clone();
        }

        for (int lane : new int[]{0, 1, 77, LANES - 1}) {
            XoShiRo256PlusPlus expected = commonsStream(seed, firstPath + lane);
            for (long[] step : lanes) {
                assertThat(step[lane]).isEqualTo(expected.nextLong());
            }
        }
    }

    @Test
    void aLanesScalarStepIsItsVectorStep() {
        NormalShocks vector = new NormalShocks();
        NormalShocks scalar = new NormalShocks();
        vector.startPaths(5, 0);
        scalar.startPaths(5, 0);
        long[] draws = new long[LANES];
        for (int step = 0; step < 10; step++) {
            vector.nextLongs(draws);
            for (int lane = 0; lane < LANES; lane++) {
                assertThat(scalar.nextLong(lane)).isEqualTo(draws[lane]);
            }
        }
    }

    @Test
    void aPathsDeviatesDependOnlyOnTheSeedAndThePathIndex() {
        double[][] block = deviates(9, 256, 30);
        double[][] shifted = deviates(9, 256 + 37, 30);
        NormalShocks listed = new NormalShocks();
        listed.startPaths(9, new int[]{500, 256 + 37, 256}, 1, 2);
        double[][] fromList = new double[30][LANES];
        listed.fill(fromList, 30);

        for (int k = 0; k < 30; k++) {
            assertThat(shifted[k][0]).isEqualTo(block[k][37]);
            assertThat(fromList[k][0]).isEqualTo(block[k][37]);
            assertThat(fromList[k][1]).isEqualTo(block[k][0]);
            // Lanes past the listed paths repeat the last of them.
            assertThat(fromList[k][LANES - 1]).isEqualTo(block[k][0]);
        }
    }

    @Test
    void deviatesFollowTheStandardNormalDistribution() {
        // N = 1,250 blocks x 128 paths x 16 factors = 2,560,000 deviates (sqrt N = 1,600).
        int factors = 16;
        int blocks = 1_250;
        double[] all = new double[blocks * factors * LANES];
        NormalShocks shocks = new NormalShocks();
        double[][] z = new double[factors][LANES];
        int n = 0;
        for (int b = 0; b < blocks; b++) {
            shocks.startPaths(2_024, (long) b * LANES);
            shocks.fill(z, factors);
            for (double[] row : z) {
                System.arraycopy(row, 0, all, n, LANES);
                n += LANES;
            }
        }

        double sum = 0;
        double squares = 0;
        double fourths = 0;
        for (double x : all) {
            sum += x;
            squares += x * x;
            fourths += x * x * x * x;
        }
        // Standard errors: mean 1/sqrt(N) = 6.25e-4; E[x^2] sqrt(2/N) = 8.84e-4 (Var x^2 = 3 - 1);
        // E[x^4] sqrt((105 - 9)/N) = 6.12e-3 (E x^8 = 105). Bands of five.
        assertThat(sum / n).isCloseTo(0, within(5 / Math.sqrt(n)));
        assertThat(squares / n).isCloseTo(1, within(5 * Math.sqrt(2.0 / n)));
        assertThat(fourths / n).isCloseTo(3, within(5 * Math.sqrt(96.0 / n)));

        // Kolmogorov-Smirnov: D = sup |F_n - Phi| exceeds 1.9495 / sqrt(N) = 1.218e-3 with probability
        // 0.001 (c(alpha) = sqrt(-ln(alpha / 2) / 2) = sqrt(7.6009 / 2)).
        Arrays.sort(all);
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double phi = normal.cumulativeProbability(all[i]);
            d = Math.max(d, Math.max(phi - (double) i / n, (i + 1.0) / n - phi));
        }
        assertThat(d).isLessThan(1.9495 / Math.sqrt(n));

        // Beyond the ziggurat's base layer, |x| > r = 3.6541528853610088, every deviate comes from the
        // tail algorithm: P(|X| > r) = 2 (1 - Phi(r)) = erfc(r / sqrt 2) = 2.58032e-4, so 660.6 expected out of
        // N, binomial standard deviation sqrt(660.6) = 25.7.
        double tailProbability = 2 * (1 - normal.cumulativeProbability(3.6541528853610088));
        assertThat(tailProbability).isCloseTo(2.58032e-4, within(1e-9));
        long beyond = Arrays.stream(all).filter(x -> Math.abs(x) > 3.6541528853610088).count();
        double expected = tailProbability * n;
        assertThat((double) beyond).isCloseTo(expected, within(5 * Math.sqrt(expected)));
    }

    /** Commons RNG's xoshiro256++ seeded as the path's stream is documented to be. */
    private static XoShiRo256PlusPlus commonsStream(long seed, long path) {
        // SplitMix64(x).nextLong() is mix(x + gamma), so the origin mix(seed) is SplitMix64(seed - gamma)'s first output.
        long origin = new SplitMix64(seed - GOLDEN_GAMMA).nextLong();
        SplitMix64 state = new SplitMix64(origin + 4 * path * GOLDEN_GAMMA);
        return new XoShiRo256PlusPlus(state.nextLong(), state.nextLong(), state.nextLong(), state.nextLong());
    }

    private static double[][] deviates(long seed, long firstPath, int factors) {
        NormalShocks shocks = new NormalShocks();
        shocks.startPaths(seed, firstPath);
        double[][] z = new double[factors][LANES];
        shocks.fill(z, factors);
        return z;
    }
}
