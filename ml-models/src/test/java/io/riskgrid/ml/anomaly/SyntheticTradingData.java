package io.riskgrid.ml.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded stand-in for the trading simulator: nine features per account of order 1, with a known
 * correlation structure among seven Gaussian ones and two skewed ones, plus labelled incidents.
 * <ul>
 *   <li>features 0-2: equicorrelated with correlation 0.8 (a common factor, e.g. notional, order
 *       count and turnover moving together);</li>
 *   <li>features 3-4: correlation 0.6;</li>
 *   <li>features 5-6: independent;</li>
 *   <li>feature 7: log-normal {@code exp(0.5 g)} (a ratio with a heavy right tail);</li>
 *   <li>feature 8: a share in (0, 1), {@code logistic(-1 + 0.7 g)}.</li>
 * </ul>
 * Incidents: a normal row with one feature pushed up by 6 standard deviations (20 per feature), or
 * two features pushed up by 5, or features 0 and 1 at +2.5 and -2.5 standard deviations, each
 * ordinary on its own but contradicting their 0.8 correlation.
 */
final class SyntheticTradingData {

    static final int FEATURES = 9;
    private static final double[] MEANS = {0.0, 0.5, -0.2, 1.0, 0.0, 0.3, 0.0};
    private static final double[] SDS = {1.0, 0.5, 2.0, 1.0, 0.3, 1.0, 0.8};

    private SyntheticTradingData() {
    }

    static AnomalyScorerContract.Dataset generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] training = rows(3_000, random);
        double[][] heldOut = rows(1_000, random);
        double[] sd = columnSds(training);
        List<AnomalyScorerContract.Incident> incidents = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            for (int i = 0; i < 20; i++) {
                double[] x = row(random);
                x[j] += 6 * sd[j];
                incidents.add(new AnomalyScorerContract.Incident(x, new int[] {j}, "feature " + j + " +6 sd"));
            }
        }
        for (int i = 0; i < 20; i++) {
            int a = random.nextInt(FEATURES);
            int b = (a + 1 + random.nextInt(FEATURES - 1)) % FEATURES;
            double[] x = row(random);
            x[a] += 5 * sd[a];
            x[b] += 5 * sd[b];
            incidents.add(new AnomalyScorerContract.Incident(x, new int[] {a, b},
                    "features " + a + " and " + b + " +5 sd"));
        }
        for (int i = 0; i < 20; i++) {
            double[] x = row(random);
            x[0] = MEANS[0] + 2.5 * SDS[0];
            x[1] = MEANS[1] - 2.5 * SDS[1];
            incidents.add(new AnomalyScorerContract.Incident(x, new int[] {0, 1},
                    "features 0 and 1 at +2.5 and -2.5 sd against correlation 0.8"));
        }
        return new AnomalyScorerContract.Dataset(training, heldOut, incidents);
    }

    private static double[][] rows(int n, SplittableRandom random) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = row(random);
        }
        return rows;
    }

    private static double[] row(SplittableRandom random) {
        double[] g = new double[7];
        // Equicorrelated blocks from a common factor: x_i = sqrt(rho) f + sqrt(1 - rho) e_i.
        double f = gaussian(random);
        for (int j = 0; j < 3; j++) {
            g[j] = Math.sqrt(0.8) * f + Math.sqrt(0.2) * gaussian(random);
        }
        double h = gaussian(random);
        for (int j = 3; j < 5; j++) {
            g[j] = Math.sqrt(0.6) * h + Math.sqrt(0.4) * gaussian(random);
        }
        g[5] = gaussian(random);
        g[6] = gaussian(random);
        double[] x = new double[FEATURES];
        for (int j = 0; j < 7; j++) {
            x[j] = MEANS[j] + SDS[j] * g[j];
        }
        x[7] = Math.exp(0.5 * gaussian(random));
        x[8] = 1 / (1 + Math.exp(-(-1 + 0.7 * gaussian(random))));
        return x;
    }

    /** Box-Muller; SplittableRandom has no nextGaussian in Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double[] columnSds(double[][] rows) {
        double[] sd = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            double mean = 0;
            for (double[] row : rows) {
                mean += row[j] / rows.length;
            }
            double ss = 0;
            for (double[] row : rows) {
                ss += (row[j] - mean) * (row[j] - mean);
            }
            sd[j] = Math.sqrt(ss / (rows.length - 1));
        }
        return sd;
    }
}
