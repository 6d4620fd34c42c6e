package io.riskgrid.ml.forecast;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The HAR model: its forecast formula, its fit on processes with known coefficients, and its saved form. */
class HarForecasterTest {

    /** -E[log z^2] for z standard normal: Euler's gamma + log 2, the QLIKE of a perfect variance forecast. */
    private static final double PERFECT_QLIKE = 0.5772156649015329 + Math.log(2);

    @Test
    void forecastCombinesLongRunDailyWeeklyAndMonthlyTerms() {
        HarForecaster har = HarForecaster.of(new HarForecaster.Coefficients(0.2, 0.3, 0.2, 0.1));
        double[] r = new double[22];
        Arrays.fill(r, 0, 17, 0.01);
        Arrays.fill(r, 17, 21, -0.02);
        r[21] = 0.03;
        // Squared returns (in units of 1e-4): seventeen 1s, four 4s, one 9.
        //   s = RV22 = (17 + 16 + 9) / 22 = 42/22,  RV5 = (16 + 9) / 5 = 5,  RV1 = 9
        //   h = 0.2 * 42/22 + 0.3 * 9 + 0.2 * 5 + 0.1 * 42/22 = 0.3 * 42/22 + 3.7 = 4.272727...
        assertThat(har.forecastVariance(r, 22)).isCloseTo((0.3 * 42 / 22 + 3.7) * 1e-4, within(1e-15));
        assertThat(har.minHistory()).isEqualTo(22);
    }

    @Test
    void forecastIsFlooredAtOnePercentOfTheLongRunVariance() {
        HarForecaster negative = HarForecaster.of(new HarForecaster.Coefficients(-1, 0, 0, 0));
        double[] r = new double[30];
        Arrays.fill(r, 0.01);
        // -1 * s would be negative; the floor is 0.01 * s = 0.01 * 1e-4.
        assertThat(negative.forecastVariance(r, 30)).isCloseTo(1e-6, within(1e-18));
        assertThat(negative.forecastVariance(new double[30], 30)).isEqualTo(HarForecaster.MIN_VARIANCE);
    }

    /**
     * 100 instruments of 2,000 days of a HAR-ARCH process with w = 0.4e-4, b1 = 0.1, b5 = 0.2,
     * b22 = 0.3: unconditional variance w / (1 - 0.6) = 1e-4, so the true intercept, w / s with s the
     * long-run variance, is 1 - 0.6 = 0.4.
     * <p>
     * Tolerance: each coefficient must lie within 5 heteroskedasticity-robust (White HC0) standard
     * errors of the truth, computed here from the residuals. Five rather than two because squared
     * returns of an ARCH process are so fat-tailed that HC0 understates the sampling error; the test
     * also requires those errors to be small (below 0.015) so the check has teeth. The intercept is
     * also biased up slightly because w / s is convex in the estimated s (Jensen), well inside that.
     */
    @Test
    void pooledFitRecoversTheCoefficientsOfAKnownHarProcess() {
        double[][] returns = SyntheticReturns.har(100, 2_000, 0.4e-4, 0.1, 0.2, 0.3, 1L);
        HarForecaster har = HarForecaster.fit(returns, 2_000);
        HarForecaster.Coefficients c = har.coefficients();
        double[] fitted = {c.intercept(), c.daily(), c.weekly(), c.monthly()};
        double[] truth = {0.4, 0.1, 0.2, 0.3};
        double[] se = robustStandardErrors(returns, 2_000, fitted);
        for (int k = 0; k < 4; k++) {
            assertThat(se[k]).as("standard error %d", k).isLessThan(0.015);
            assertThat(fitted[k]).as("coefficient %d", k).isCloseTo(truth[k], within(5 * se[k]));
        }
        // 100 instruments x (2,000 - 22) days.
        assertThat(har.observations()).isEqualTo(197_800);
    }

    /**
     * GARCH(1,1) with alpha 0.08 and beta 0.90 (persistence 0.98, typical of equities): volatility
     * clusters, which EWMA with lambda 0.94 already tracks well (it is an integrated GARCH with
     * alpha 0.06). A HAR fitted on 500 days of 30 instruments should forecast the next 250 about as
     * well: its QLIKE within 2% of EWMA's. Both must clearly beat the constant long-run forecast,
     * which ignores the clustering.
     */
    @Test
    void onClusteredVolatilityTheLearnedModelIsAsGoodAsEwmaAndBeatsTheLongRunAverage() {
        double[][] returns = SyntheticReturns.garch(30, 750, 2e-6, 0.08, 0.90, 7L);
        HarForecaster har = HarForecaster.fit(returns, 500);

        ForecastEvaluation.Result vsEwma = ForecastEvaluation.compare(returns, 500, EwmaForecaster.DEFAULT, har);
        assertThat(vsEwma.observations()).isEqualTo(30 * 250);
        assertThat(vsEwma.forecastErrorVsBaseline()).isLessThan(1.02);

        ForecastEvaluation.Result vsConstant = ForecastEvaluation.compare(returns, 500, new LongRunAverage(), har);
        assertThat(vsConstant.forecastErrorVsBaseline()).isLessThan(1.0);
        assertThat(vsEwma.baselineQlike()).isLessThan(vsConstant.baselineQlike());
        // The learned model leans on the slow components, as a persistent process calls for.
        assertThat(har.coefficients().weekly() + har.coefficients().monthly()).isGreaterThan(0.5);
    }

    /**
     * iid normal returns with daily variance 1e-4 (no clustering): the HAR learns an intercept near 1
     * and slopes near 0, i.e. the long-run average, so its forecasts sit close to 1e-4. EWMA's stay
     * unbiased but noisy: for iid returns its relative error has variance
     * (1 - lambda) / (1 + lambda) * Var(z^2) = 0.06 / 1.94 * 2 = 0.0619. The mean QLIKE of a forecast
     * equal to the true variance is -E[log z^2] = gamma + log 2 = 1.2704, and a forecast with relative
     * error e adds about e^2 / 2 on average (0.031 for EWMA, nearly nothing for HAR). The bounds allow
     * for the sampling error of means over 10,000 days (QLIKE's standard deviation per day is 1.71,
     * so 0.017 for the mean) and of the autocorrelated EWMA errors (about 300 independent ones).
     */
    @Test
    void onIidReturnsBothForecastsApproachTheTrueVariance() {
        double variance = 1e-4;
        double[][] returns = SyntheticReturns.garch(20, 1_000, variance, 0, 0, 11L);
        HarForecaster har = HarForecaster.fit(returns, 500);
        assertThat(har.coefficients().intercept()).isCloseTo(1.0, within(0.2));

        double ewmaMean = 0;
        double harMean = 0;
        double ewmaSquaredError = 0;
        double harSquaredError = 0;
        int n = 0;
        for (double[] r : returns) {
            for (int end = 500; end < r.length; end++) {
                double e = EwmaForecaster.DEFAULT.forecastVariance(r, end) / variance;
                double h = har.forecastVariance(r, end) / variance;
                ewmaMean += e;
                harMean += h;
                ewmaSquaredError += (e - 1) * (e - 1);
                harSquaredError += (h - 1) * (h - 1);
                n++;
            }
        }
        assertThat(ewmaMean / n).isCloseTo(1.0, within(0.05));
        assertThat(harMean / n).isCloseTo(1.0, within(0.05));
        assertThat(ewmaSquaredError / n).isCloseTo(0.06 / 1.94 * 2, within(0.3 * 0.0619));
        assertThat(harSquaredError / n).isLessThan(0.02);

        ForecastEvaluation.Result result = ForecastEvaluation.compare(returns, 500, EwmaForecaster.DEFAULT, har);
        assertThat(result.learnedQlike()).isCloseTo(PERFECT_QLIKE, within(0.06));
        assertThat(result.baselineQlike()).isCloseTo(PERFECT_QLIKE + 0.031, within(0.06));
    }

    @Test
    void fitReadsOnlyTheTrainingDays() {
        double[][] returns = SyntheticReturns.garch(10, 300, 2e-6, 0.08, 0.90, 3L);
        double[][] damaged = new double[returns.length][];
        for (int i = 0; i < returns.length; i++) {
            damaged[i] = returns[i].clone();
            Arrays.fill(damaged[i], 200, 300, 0.5);
        }
        assertThat(HarForecaster.fit(damaged, 200).save()).isEqualTo(HarForecaster.fit(returns, 200).save());
    }

    @Test
    void fitIsDeterministicAndSurvivesSaveAndLoad() {
        double[][] returns = SyntheticReturns.garch(10, 300, 2e-6, 0.08, 0.90, 5L);
        HarForecaster har = HarForecaster.fit(returns, 250);
        byte[] saved = har.save();
        assertThat(saved).hasSize(40).isEqualTo(HarForecaster.fit(returns, 250).save());
        HarForecaster loaded = HarForecaster.load(saved);
        assertThat(loaded.coefficients()).isEqualTo(har.coefficients());
        assertThat(loaded.observations()).isEqualTo(10 * (250 - 22));
        assertThat(loaded.forecastVariance(returns[0], 300)).isEqualTo(har.forecastVariance(returns[0], 300));
    }

    @Test
    void loadRejectsBytesOfAnotherFormat() {
        assertThatThrownBy(() -> HarForecaster.load(new byte[12])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40 bytes");
        byte[] wrongVersion = HarForecaster.of(new HarForecaster.Coefficients(1, 0, 0, 0)).save();
        wrongVersion[3] = 9;
        assertThatThrownBy(() -> HarForecaster.load(wrongVersion)).hasMessageContaining("version 9");
        assertThatThrownBy(() -> HarForecaster.load(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fitRejectsTooFewObservationsAndReturnsThatNeverChangeSize() {
        double[][] tooFew = SyntheticReturns.garch(2, 60, 1e-4, 0, 0, 1L);
        // 2 x (60 - 22) = 76 observations, below 100.
        assertThatThrownBy(() -> HarForecaster.fit(tooFew, 60)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("had 76");
        assertThatThrownBy(() -> HarForecaster.fit(tooFew, 22)).hasMessageContaining("trainDays");
        double[][] flat = new double[5][100];
        for (double[] r : flat) {
            for (int t = 0; t < r.length; t++) {
                r[t] = t % 2 == 0 ? 0.01 : -0.01;
            }
        }
        assertThatThrownBy(() -> HarForecaster.fit(flat, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not vary");
    }

    /** The unconditional forecast: the mean squared return of the whole past. */
    private static final class LongRunAverage implements VolatilityForecaster {
        @Override
        public String name() {
            return "long-run average";
        }

        @Override
        public int minHistory() {
            return 1;
        }

        @Override
        public double forecastVariance(double[] returns, int end) {
            return SyntheticReturns.meanSquare(returns, 0, end);
        }
    }

    /**
     * White's heteroskedasticity-robust standard errors (HC0) of the pooled regression the model fits:
     * sqrt(diag((X'X)^-1 X' diag(e^2) X (X'X)^-1)), with the same normalization by each instrument's
     * mean squared training return.
     */
    private static double[] robustStandardErrors(double[][] returns, int trainDays, double[] beta) {
        double[][] xtx = new double[4][4];
        double[][] meat = new double[4][4];
        for (double[] r : returns) {
            double s = SyntheticReturns.meanSquare(r, 0, trainDays);
            for (int t = 22; t < trainDays; t++) {
                double[] x = {1, SyntheticReturns.meanSquare(r, t - 1, t) / s,
                        SyntheticReturns.meanSquare(r, t - 5, t) / s, SyntheticReturns.meanSquare(r, t - 22, t) / s};
                double e = r[t] * r[t] / s;
                for (int k = 0; k < 4; k++) {
                    e -= beta[k] * x[k];
                }
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        xtx[i][j] += x[i] * x[j];
                        meat[i][j] += e * e * x[i] * x[j];
                    }
                }
            }
        }
        RealMatrix bread = new LUDecomposition(new Array2DRowRealMatrix(xtx)).getSolver().getInverse();
        RealMatrix covariance = bread.multiply(new Array2DRowRealMatrix(meat)).multiply(bread);
        double[] se = new double[4];
        for (int k = 0; k < 4; k++) {
            se[k] = Math.sqrt(covariance.getEntry(k, k));
        }
        return se;
    }
}
