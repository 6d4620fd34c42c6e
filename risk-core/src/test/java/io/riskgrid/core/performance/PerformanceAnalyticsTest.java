package io.riskgrid.core.performance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures of short series worked out by hand, missing observations, rate series, alpha and beta
 * of a series built from its benchmark, and every undefined case.
 */
class PerformanceAnalyticsTest {

    private static final double EPS = 1e-12;
    private static final double NaN = Double.NaN;
    private static final PerformanceAnalytics ANALYTICS = PerformanceAnalytics.DEFAULT;

    /** Five daily returns used by most tests. */
    private static final double[] FIVE = {0.01, -0.02, 0.03, -0.01, 0.02};

    private static PerformanceInput input(double[] returns, double[] rf, double[] mar, double[] bench, double confidence) {
        return new PerformanceInput(returns, rf, mar, 252, bench, confidence);
    }

    @Test
    void fiveReturnsGiveTheHandWorkedFigures() {
        PerformanceReport r = ANALYTICS.compute(PerformanceInput.of(FIVE));

        assertThat(r.observations()).isEqualTo(5);
        // Wealth 1.01, 0.9898, 1.019494, 1.00929906, 1.0294850412.
        assertThat(r.totalReturn()).isCloseTo(0.0294850412, within(EPS));
        // No missing entry, so N = n = 5: 1.0294850412^(252/5) - 1 = 3.32564...
        assertThat(r.annualReturn()).isCloseTo(Math.pow(1.0294850412, 252.0 / 5) - 1, within(1e-10));
        // mean 0.006; deviations .004 -.026 .024 -.016 .014, squares sum to 0.00172; sample variance 0.00172/4 = 0.00043.
        assertThat(r.annualVolatility()).isCloseTo(Math.sqrt(0.00043 * 252), within(EPS));
        assertThat(r.sharpe()).isCloseTo(0.006 / Math.sqrt(0.00043) * Math.sqrt(252), within(1e-10));
        // Below MAR 0: -0.02 and -0.01; (0.0004 + 0.0001) / 5 = 0.0001, sqrt = 0.01 per period.
        assertThat(r.downsideRisk()).isCloseTo(0.01 * Math.sqrt(252), within(EPS));
        // 0.006 * 252 / (0.01 sqrt 252) = 0.6 sqrt 252 = 9.5247...
        assertThat(r.sortino()).isCloseTo(0.6 * Math.sqrt(252), within(1e-10));
        // Peak 1.01 then 0.9898: 0.9898 / 1.01 - 1 = -0.02; later 1.00929906 / 1.019494 - 1 = -0.01.
        assertThat(r.maxDrawdown()).isCloseTo(-0.02, within(EPS));
        assertThat(r.calmar()).isCloseTo((Math.pow(1.0294850412, 252.0 / 5) - 1) / 0.02, within(1e-8));
        // Gains above 0: 0.01 + 0.03 + 0.02 = 0.06; losses 0.02 + 0.01 = 0.03.
        assertThat(r.omega()).isCloseTo(2.0, within(EPS));
        // Sorted -0.02 -0.01 0.01 0.02 0.03; p = 0.05, h = 4 * 0.05 = 0.2: -0.02 + 0.2 * 0.01 = -0.018.
        assertThat(r.var()).isCloseTo(-0.018, within(EPS));
        // k = floor(0.2) = 0: the smallest return alone.
        assertThat(r.cvar()).isCloseTo(-0.02, within(EPS));
        assertThat(r.alpha()).isNull();
        assertThat(r.beta()).isNull();
        assertThat(r.warnings()).containsExactly(
                "alpha is undefined: no benchmarkReturns were given",
                "beta is undefined: no benchmarkReturns were given");
    }

    @Test
    void varInterpolatesAndCvarAveragesTheTail() {
        // Confidence 0.75: p = 0.25, h = 4 * 0.25 = 1 exactly, so VaR is the second smallest, -0.01;
        // k = floor(1 + 1e-9) = 1, so CVaR = (-0.02 - 0.01) / 2 = -0.015.
        PerformanceReport r = ANALYTICS.compute(input(FIVE, null, null, null, 0.75));
        assertThat(r.var()).isCloseTo(-0.01, within(EPS));
        assertThat(r.cvar()).isCloseTo(-0.015, within(EPS));
    }

    @Test
    void cvarCountsAReturnThatBinaryRoundingWouldDrop() {
        // The DESIGN example: n = 6, confidence 0.8. 1 - 0.8 = 0.19999999999999996 in binary, so
        // 5 p = 0.9999999999999998; with the 1e-9 slack k = 1 and CVaR = (1 + 81) / 2 = 41.
        // VaR: h = 0.9999999999999998, x[0] + h (x[1] - x[0]) = 1 + 80 h, 81 up to rounding.
        double[] returns = {85, 1, 84, 81, 83, 82};
        PerformanceReport r = ANALYTICS.compute(input(returns, null, null, null, 0.8));
        assertThat(r.cvar()).isCloseTo(41, within(EPS));
        assertThat(r.var()).isCloseTo(81, within(1e-9));
    }

    @Test
    void varAtTheEndsOfTheConfidenceRangeIsTheExtremeReturn() {
        // Confidence 1: p = 0, the smallest return; confidence 0: p = 1, h = n - 1, the largest.
        assertThat(ANALYTICS.compute(input(FIVE, null, null, null, 1)).var()).isEqualTo(-0.02);
        assertThat(ANALYTICS.compute(input(FIVE, null, null, null, 1)).cvar()).isEqualTo(-0.02);
        assertThat(ANALYTICS.compute(input(FIVE, null, null, null, 0)).var()).isEqualTo(0.03);
        // Confidence 0: k = 4, every return: 0.03 / 5 = 0.006.
        assertThat(ANALYTICS.compute(input(FIVE, null, null, null, 0)).cvar()).isCloseTo(0.006, within(EPS));
    }

    @Test
    void missingReturnsAreSkippedButCountAsPeriodsWhenAnnualizing() {
        double[] withGaps = {0.01, NaN, -0.02, 0.03, NaN, -0.01, 0.02};
        PerformanceReport r = ANALYTICS.compute(PerformanceInput.of(withGaps));

        assertThat(r.observations()).isEqualTo(5);
        // The same five returns as above: every figure but the annualized ones is unchanged.
        assertThat(r.totalReturn()).isCloseTo(0.0294850412, within(EPS));
        assertThat(r.annualVolatility()).isCloseTo(Math.sqrt(0.00043 * 252), within(EPS));
        assertThat(r.sharpe()).isCloseTo(0.006 / Math.sqrt(0.00043) * Math.sqrt(252), within(1e-10));
        assertThat(r.downsideRisk()).isCloseTo(0.01 * Math.sqrt(252), within(EPS));
        assertThat(r.sortino()).isCloseTo(0.6 * Math.sqrt(252), within(1e-10));
        assertThat(r.maxDrawdown()).isCloseTo(-0.02, within(EPS));
        assertThat(r.omega()).isCloseTo(2.0, within(EPS));
        assertThat(r.var()).isCloseTo(-0.018, within(EPS));
        assertThat(r.cvar()).isCloseTo(-0.02, within(EPS));
        // N = 7 periods, as empyrical: 1.0294850412^(252/7) - 1 = 1.84657...
        assertThat(r.annualReturn()).isCloseTo(Math.pow(1.0294850412, 36) - 1, within(1e-10));
        assertThat(r.calmar()).isCloseTo((Math.pow(1.0294850412, 36) - 1) / 0.02, within(1e-8));
    }

    @Test
    void riskFreeRateSeriesIsSubtractedPeriodByPeriod() {
        double[] rf = {0.001, 0.002, 0.0, 0.001, 0.001};
        PerformanceReport r = ANALYTICS.compute(input(FIVE, rf, null, null, 0.95));
        // Excess: 0.009 -0.022 0.03 -0.011 0.019, mean 0.005; deviations .004 -.027 .025 -.016 .014,
        // squares sum to 0.001822, sample variance 0.0004555.
        assertThat(r.sharpe()).isCloseTo(0.005 / Math.sqrt(0.0004555) * Math.sqrt(252), within(1e-10));
        // Omega's threshold is rf + MAR = rf: gains 0.009 + 0.03 + 0.019 = 0.058, losses 0.022 + 0.011 = 0.033.
        assertThat(r.omega()).isCloseTo(0.058 / 0.033, within(EPS));
        // Volatility, downside risk (MAR 0) and Sortino do not involve the risk-free rate.
        assertThat(r.annualVolatility()).isCloseTo(Math.sqrt(0.00043 * 252), within(EPS));
        assertThat(r.sortino()).isCloseTo(0.6 * Math.sqrt(252), within(1e-10));
    }

    @Test
    void constantRiskFreeRateLowersSharpeByItsShare() {
        // Excess returns are the returns less 0.001: mean 0.005, same deviations, same variance 0.00043.
        PerformanceReport r = ANALYTICS.compute(input(FIVE, new double[] {0.001}, null, null, 0.95));
        assertThat(r.sharpe()).isCloseTo(0.005 / Math.sqrt(0.00043) * Math.sqrt(252), within(1e-10));
    }

    @Test
    void requiredReturnSeriesMovesDownsideRiskSortinoAndOmega() {
        double[] mar = {0.02, 0.0, 0.0, 0.0, 0.03};
        PerformanceReport r = ANALYTICS.compute(input(FIVE, null, mar, null, 0.95));
        // r - MAR: -0.01 -0.02 0.03 -0.01 -0.01, sum -0.02, mean -0.004;
        // below MAR squares: 0.0001 + 0.0004 + 0.0001 + 0.0001 = 0.0007, / 5 = 0.00014.
        double downside = Math.sqrt(0.00014) * Math.sqrt(252);
        assertThat(r.downsideRisk()).isCloseTo(downside, within(EPS));
        assertThat(r.sortino()).isCloseTo(-0.004 * 252 / downside, within(1e-10));
        // Omega threshold 0 + MAR: gains 0.03, losses 0.05.
        assertThat(r.omega()).isCloseTo(0.6, within(EPS));
    }

    @Test
    void betaAndAlphaRecoverTheLineTheSeriesWasBuiltOn() {
        // r = rf + a + b (bench - rf) exactly, with rf 0.0001, a = 0.0005 per period, b = 1.2. A missing
        // return (index 5) and a missing benchmark return (index 3) each drop one pair.
        double rf = 0.0001;
        double a = 0.0005;
        double b = 1.2;
        double[] bench = {0.01, -0.02, 0.015, NaN, 0.005, -0.01, 0.02};
        double[] returns = new double[bench.length];
        for (int i = 0; i < bench.length; i++) {
            returns[i] = rf + a + b * ((Double.isNaN(bench[i]) ? 0.004 : bench[i]) - rf);
        }
        returns[5] = NaN;
        PerformanceReport r = ANALYTICS.compute(input(returns, new double[] {rf}, null, bench, 0.95));
        assertThat(r.beta()).isCloseTo(1.2, within(1e-12));
        // (1 + 0.0005)^252 - 1 = 0.13429...
        assertThat(r.alpha()).isCloseTo(Math.pow(1.0005, 252) - 1, within(1e-10));
    }

    @Test
    void alphaAndBetaUseTheRiskFreeRateSeries() {
        // With rf varying, the line holds for the excess returns: r - rf_i = a + b (bench - rf_i).
        double[] rf = {0.0001, 0.0003, 0.0, 0.0002};
        double[] bench = {0.01, -0.02, 0.015, 0.005};
        double[] returns = new double[4];
        for (int i = 0; i < 4; i++) {
            returns[i] = rf[i] - 0.001 + 0.8 * (bench[i] - rf[i]);
        }
        PerformanceReport r = ANALYTICS.compute(input(returns, rf, null, bench, 0.95));
        assertThat(r.beta()).isCloseTo(0.8, within(1e-12));
        assertThat(r.alpha()).isCloseTo(Math.pow(0.999, 252) - 1, within(1e-10));
    }

    /**
     * r_i = 0.0004 + 0.012 sin(0.7 i) + 0.004 cos(1.3 i), missing when i % 97 == 13;
     * bench_i = 0.0003 + 0.009 sin(0.7 i + 0.2), missing when i % 89 == 5; rf 0.0001, MAR 0.0002.
     */
    private static PerformanceInput thousandPeriods(double confidence) {
        int length = 1000;
        double[] returns = new double[length];
        double[] bench = new double[length];
        for (int i = 0; i < length; i++) {
            returns[i] = i % 97 == 13 ? NaN : 0.0004 + 0.012 * Math.sin(0.7 * i) + 0.004 * Math.cos(1.3 * i);
            bench[i] = i % 89 == 5 ? NaN : 0.0003 + 0.009 * Math.sin(0.7 * i + 0.2);
        }
        return input(returns, new double[] {0.0001}, new double[] {0.0002}, bench, confidence);
    }

    @Test
    void aThousandPeriodSeriesMatchesNumpy() {
        // Expected figures from numpy 2.4 (np.std ddof=1, np.percentile, np.polyfit on the excess
        // returns of the paired periods), written out from the formulas of the DESIGN conventions.
        PerformanceReport r = ANALYTICS.compute(thousandPeriods(0.95));
        double tol = 1e-10;
        assertThat(r.observations()).isEqualTo(989);
        assertThat(r.totalReturn()).isCloseTo(0.44589786202070436, within(tol));
        assertThat(r.annualReturn()).isCloseTo(0.0973740324546637, within(tol));
        assertThat(r.annualVolatility()).isCloseTo(0.14198019696720635, within(tol));
        assertThat(r.sharpe()).isCloseTo(0.5552640890769592, within(tol));
        assertThat(r.downsideRisk()).isCloseTo(0.0982756541731945, within(tol));
        assertThat(r.sortino()).isCloseTo(0.5457761150227249, within(tol));
        assertThat(r.maxDrawdown()).isCloseTo(-0.041206085100294, within(tol));
        assertThat(r.calmar()).isCloseTo(2.363098368060424, within(tol));
        assertThat(r.omega()).isCloseTo(1.029192933762494, within(tol));
        assertThat(r.var()).isCloseTo(-0.013595172534085107, within(tol));
        assertThat(r.cvar()).isCloseTo(-0.014524033167124879, within(tol));
        assertThat(r.beta()).isCloseTo(1.3050664516739936, within(tol));
        assertThat(r.alpha()).isCloseTo(0.00522427848711704, within(tol));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void varAndCvarAtAnyConfidenceMatchNumpy() {
        // np.percentile(x, 100 (1 - confidence)) and the mean of the k + 1 smallest, n = 989: the
        // lower tail kept for them runs from a handful of returns (0.99) to nearly all of them (0.01).
        double tol = 1e-12;
        PerformanceReport median = ANALYTICS.compute(thousandPeriods(0.5));
        assertThat(median.var()).isCloseTo(0.00022542620952347055, within(tol));
        assertThat(median.cvar()).isCloseTo(-0.007422904412120541, within(tol));
        PerformanceReport top = ANALYTICS.compute(thousandPeriods(0.01));
        assertThat(top.var()).isCloseTo(0.015943006270676657, within(tol));
        assertThat(top.cvar()).isCloseTo(0.00025183738787117396, within(tol));
        PerformanceReport deep = ANALYTICS.compute(thousandPeriods(0.99));
        assertThat(deep.var()).isCloseTo(-0.015048064192661784, within(tol));
        assertThat(deep.cvar()).isCloseTo(-0.015357016184849057, within(tol));
    }

    @Test
    void varDoesNotDependOnTheOrderOfTheReturns() {
        // Ascending, descending and shuffled orders of -0.05, -0.04, ..., 0.04 (ten returns):
        // confidence 0.8, h = 9 * 0.2 = 1.8, VaR = -0.04 + 0.8 * 0.01 = -0.032;
        // k = floor(1.8) = 1, CVaR = (-0.05 - 0.04) / 2 = -0.045.
        double[] ascending = {-0.05, -0.04, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.04};
        double[] descending = {0.04, 0.03, 0.02, 0.01, 0, -0.01, -0.02, -0.03, -0.04, -0.05};
        double[] shuffled = {0.01, -0.03, 0.04, -0.05, 0, 0.02, -0.01, -0.04, 0.03, -0.02};
        for (double[] order : new double[][] {ascending, descending, shuffled}) {
            PerformanceReport r = ANALYTICS.compute(input(order, null, null, null, 0.8));
            assertThat(r.var()).isCloseTo(-0.032, within(EPS));
            assertThat(r.cvar()).isCloseTo(-0.045, within(EPS));
        }
    }

    @Test
    void everyFigureIsUndefinedWhenEveryReturnIsMissing() {
        PerformanceReport r = ANALYTICS.compute(input(new double[] {NaN, NaN}, null, null, new double[] {0.01, 0.02}, 0.95));
        assertThat(r.observations()).isZero();
        assertThat(r.totalReturn()).isNull();
        assertThat(r.annualReturn()).isNull();
        assertThat(r.annualVolatility()).isNull();
        assertThat(r.sharpe()).isNull();
        assertThat(r.sortino()).isNull();
        assertThat(r.downsideRisk()).isNull();
        assertThat(r.maxDrawdown()).isNull();
        assertThat(r.calmar()).isNull();
        assertThat(r.omega()).isNull();
        assertThat(r.var()).isNull();
        assertThat(r.cvar()).isNull();
        assertThat(r.alpha()).isNull();
        assertThat(r.beta()).isNull();
        assertThat(r.warnings()).hasSize(13)
                .contains("totalReturn is undefined: every return is missing",
                        "maxDrawdown is undefined: every return is missing",
                        "beta is undefined: every return is missing");
    }

    @Test
    void oneReturnHasNoVolatilityNorSharpe() {
        PerformanceReport r = ANALYTICS.compute(PerformanceInput.of(new double[] {0.01}));
        assertThat(r.annualVolatility()).isNull();
        assertThat(r.sharpe()).isNull();
        assertThat(r.warnings()).contains(
                "annualVolatility is undefined: it needs at least two returns",
                "sharpe is undefined: it needs at least two returns");
        // The rest is defined: 1.01^252 - 1, no drawdown, downside 0, VaR and CVaR the return itself.
        assertThat(r.totalReturn()).isCloseTo(0.01, within(EPS));
        assertThat(r.annualReturn()).isCloseTo(Math.pow(1.01, 252) - 1, within(1e-9));
        assertThat(r.maxDrawdown()).isZero();
        assertThat(r.downsideRisk()).isZero();
        assertThat(r.var()).isEqualTo(0.01);
        assertThat(r.cvar()).isEqualTo(0.01);
    }

    @Test
    void constantExcessReturnsHaveZeroVolatilityAndNoSharpe() {
        // 0.01 nine times: the sample deviation is 0 (not the rounding noise of the mean), so the
        // volatility is 0 and the Sharpe ratio divides by zero. empyrical gives inf here.
        double[] flat = {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01};
        PerformanceReport r = ANALYTICS.compute(PerformanceInput.of(flat));
        assertThat(r.annualVolatility()).isZero();
        assertThat(r.sharpe()).isNull();
        assertThat(r.warnings()).contains("sharpe is undefined: the excess returns over the risk-free rate do not vary");
    }

    @Test
    void sortinoIsUndefinedWhenNoReturnIsBelowTheRequiredReturn() {
        PerformanceReport r = ANALYTICS.compute(input(FIVE, null, new double[] {-0.02}, null, 0.95));
        assertThat(r.downsideRisk()).isZero();
        assertThat(r.sortino()).isNull();
        assertThat(r.warnings()).contains("sortino is undefined: no return is below the required return");
    }

    @Test
    void calmarIsUndefinedWithoutADrawdown() {
        PerformanceReport r = ANALYTICS.compute(PerformanceInput.of(new double[] {0.01, 0.0, 0.02}));
        // 1.01, 1.01 (equal to the peak is no drawdown), 1.0302.
        assertThat(r.maxDrawdown()).isZero();
        assertThat(r.calmar()).isNull();
        assertThat(r.warnings()).contains("calmar is undefined: the series has no drawdown");
    }

    @Test
    void omegaIsUndefinedWithoutALossBelowTheThreshold() {
        // Threshold rf + MAR = 0.01 + 0.01 = 0.02: 0.03 and 0.04 are above it.
        PerformanceReport r = ANALYTICS.compute(
                input(new double[] {0.03, 0.04}, new double[] {0.01}, new double[] {0.01}, null, 0.95));
        assertThat(r.omega()).isNull();
        assertThat(r.warnings()).contains("omega is undefined: no return is below the threshold (riskFreeRate + requiredReturn)");
    }

    @Test
    void omegaIsZeroWhenNothingIsAboveTheThreshold() {
        // Threshold 0.03: r - 0.03 is -0.02 -0.05 0 -0.04 -0.01, so losses 0.12 and gains 0.
        PerformanceReport r = ANALYTICS.compute(input(FIVE, new double[] {0.03}, null, null, 0.95));
        assertThat(r.omega()).isZero();
    }

    @Test
    void betaIsUndefinedWhenTheBenchmarkDoesNotVary() {
        double[] bench = {0.01, 0.01, 0.01, 0.01, 0.01};
        PerformanceReport r = ANALYTICS.compute(input(FIVE, null, null, bench, 0.95));
        assertThat(r.alpha()).isNull();
        assertThat(r.beta()).isNull();
        assertThat(r.warnings()).containsExactly(
                "alpha is undefined: the benchmark's excess returns over the risk-free rate do not vary",
                "beta is undefined: the benchmark's excess returns over the risk-free rate do not vary");
    }

    @Test
    void betaIsUndefinedWithFewerThanTwoPairedPeriods() {
        // Periods 0 and 2 have a benchmark but period 2 has no return; period 1 has no benchmark.
        double[] returns = {0.01, 0.02, NaN};
        double[] bench = {0.01, NaN, 0.03};
        PerformanceReport r = ANALYTICS.compute(input(returns, null, null, bench, 0.95));
        assertThat(r.beta()).isNull();
        assertThat(r.alpha()).isNull();
        assertThat(r.warnings()).contains(
                "beta is undefined: fewer than two periods have both a return and a benchmark return");
    }

    @Test
    void annualReturnIsUndefinedWhenWealthEndsBelowZero() {
        // A -150% period (a leveraged loss): wealth -0.5, then -0.5 * 1.1 = -0.55.
        PerformanceReport r = ANALYTICS.compute(PerformanceInput.of(new double[] {-1.5, 0.1}));
        assertThat(r.totalReturn()).isCloseTo(-1.55, within(EPS));
        assertThat(r.annualReturn()).isNull();
        assertThat(r.calmar()).isNull();
        // Peak 1: -0.5 / 1 - 1 = -1.5, then -0.55 / 1 - 1 = -1.55.
        assertThat(r.maxDrawdown()).isCloseTo(-1.55, within(EPS));
        assertThat(r.warnings()).contains(
                "annualReturn is undefined: the wealth path ends below zero (a loss of more than 100%)",
                "calmar is undefined: the annual return is undefined");
    }

    @Test
    void annualReturnTooLargeToRepresentIsUndefined() {
        // 1001^(252/2) overflows a double.
        PerformanceReport r = ANALYTICS.compute(PerformanceInput.of(new double[] {1000, -0.5}));
        assertThat(r.annualReturn()).isNull();
        assertThat(r.warnings()).contains("annualReturn is undefined: its value is not a finite number (Infinity)");
    }

    @Test
    void overflowingWealthLeavesNullsWithWarningsNotInfinities() {
        // Wealth 1e300, then 1e600 (past the largest double): the total return, the drawdown ratio
        // (infinity over infinity) and everything built on them have no finite value.
        PerformanceReport r = ANALYTICS.compute(PerformanceInput.of(new double[] {1e300, 1e300, -0.5}));
        assertThat(r.totalReturn()).isNull();
        assertThat(r.maxDrawdown()).isNull();
        assertThat(r.calmar()).isNull();
        assertThat(r.warnings()).contains("maxDrawdown is undefined: its value is not a finite number (NaN)",
                "calmar is undefined: the max drawdown is undefined");
        assertOneWarningPerNullFigure(r);
    }

    @Test
    void everyNullFigureHasExactlyOneWarningNamingIt() {
        double[][] series = {FIVE, {0.01}, {NaN, NaN}, {0.01, 0.01, 0.01}, {-1.5, 0.1}, {1000, -0.5}, {0.02, 0.03}};
        for (double[] returns : series) {
            assertOneWarningPerNullFigure(ANALYTICS.compute(PerformanceInput.of(returns)));
            assertOneWarningPerNullFigure(ANALYTICS.compute(
                    input(returns, new double[] {0.01}, new double[] {0.01}, returns.clone(), 0.95)));
        }
    }

    private static void assertOneWarningPerNullFigure(PerformanceReport r) {
        String[] names = {"totalReturn", "annualReturn", "annualVolatility", "sharpe", "sortino", "downsideRisk",
                "maxDrawdown", "calmar", "omega", "var", "cvar", "alpha", "beta"};
        Double[] figures = {r.totalReturn(), r.annualReturn(), r.annualVolatility(), r.sharpe(), r.sortino(),
                r.downsideRisk(), r.maxDrawdown(), r.calmar(), r.omega(), r.var(), r.cvar(), r.alpha(), r.beta()};
        int nulls = 0;
        for (int i = 0; i < names.length; i++) {
            String prefix = names[i] + " is undefined: ";
            long warned = r.warnings().stream().filter(w -> w.startsWith(prefix)).count();
            if (figures[i] == null) {
                nulls++;
                assertThat(warned).as(names[i]).isEqualTo(1);
            } else {
                assertThat(warned).as(names[i]).isZero();
                assertThat(figures[i]).as(names[i]).isFinite();
            }
        }
        assertThat(r.warnings()).hasSize(nulls);
    }

    @Test
    void inputIsNotModified() {
        double[] returns = FIVE.clone();
        PerformanceInput in = PerformanceInput.of(returns);
        ANALYTICS.compute(in);
        assertThat(in.returns()).containsExactly(FIVE);
        assertThat(returns).containsExactly(FIVE);
    }
}
