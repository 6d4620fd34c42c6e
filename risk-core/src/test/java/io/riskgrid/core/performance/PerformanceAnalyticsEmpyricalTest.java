package io.riskgrid.core.performance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures published in empyrical's own test suite ({@code empyrical/tests/test_stats.py}, class
 * {@code TestStats}, Quantopian's empyrical as vendored in github.com/anfederico/gemini), for its
 * fixtures. empyrical asserts them to 8 decimal places; so do we. Where empyrical answers NaN or
 * infinity (a zero denominator), the DESIGN convention is null with a warning.
 * <p>
 * Mapping of arguments: empyrical's {@code risk_free} is {@code riskFreeRate}, {@code required_return}
 * is {@code requiredReturn} (per period, except in {@code omega_ratio}, where it is annual and
 * de-annualized as (1 + R)^(1/252) - 1), {@code cutoff} is 1 - {@code confidence}, and the period
 * DAILY / WEEKLY / MONTHLY is {@code periodsPerYear} 252 / 52 / 12.
 */
class PerformanceAnalyticsEmpyricalTest {

    /** empyrical's DECIMAL_PLACES = 8. */
    private static final double EMPYRICAL = 1e-8;
    private static final double NaN = Double.NaN;
    private static final PerformanceAnalytics ANALYTICS = PerformanceAnalytics.DEFAULT;

    private static final double[] MIXED = percent(NaN, 1, 10, -4, 2, 3, 2, 1, -10);
    private static final double[] SIMPLE_BENCHMARK = percent(0, 1, 0, 1, 0, 1, 0, 1, 0);
    private static final double[] POSITIVE = percent(1, 2, 1, 1, 1, 1, 1, 1, 1);
    private static final double[] NEGATIVE = percent(0, -6, -7, -1, -9, -2, -6, -8, -5);
    private static final double[] FLAT_LINE_1 = percent(1, 1, 1, 1, 1, 1, 1, 1, 1);
    /** Same values as MIXED with 0 for its first entry, weekly or monthly. */
    private static final double[] PERIODIC = percent(0, 1, 10, -4, 2, 3, 2, 1, -10);
    private static final double[] DF_ONE = {-0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779,
            0.01268925, -0.03357711, 0.01797036};
    private static final double[] DF_TWO = {0.01846232, 0.00793951, -0.01448395, 0.00422537, -0.00339611,
            0.03756813, 0.0151531, 0.03549769};

    private static double[] percent(double... values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / 100;
        }
        return out;
    }

    private static PerformanceReport daily(double[] returns, double[] rf, double[] mar) {
        return ANALYTICS.compute(new PerformanceInput(returns, rf, mar, 252, null, 0.95));
    }

    private static PerformanceReport periodic(double[] returns, int periodsPerYear, double mar) {
        return ANALYTICS.compute(new PerformanceInput(returns, null, new double[] {mar}, periodsPerYear, null, 0.95));
    }

    @Test
    void mixedReturnsMatchEmpyrical() {
        PerformanceReport r = ANALYTICS.compute(PerformanceInput.of(MIXED));
        assertThat(r.observations()).isEqualTo(8);
        // test_cum_returns_final: 0.03893 to 4 places; by hand 1.01 * 1.10 * 0.96 * 1.02 * 1.03 * 1.02 * 1.01 * 0.90 - 1.
        assertThat(r.totalReturn()).isCloseTo(0.03893, within(5e-5));
        assertThat(r.totalReturn()).isCloseTo(1.01 * 1.10 * 0.96 * 1.02 * 1.03 * 1.02 * 1.01 * 0.90 - 1, within(1e-12));
        assertThat(r.maxDrawdown()).isCloseTo(-0.1, within(EMPYRICAL));
        assertThat(r.annualReturn()).isCloseTo(1.9135925373194231, within(EMPYRICAL));
        assertThat(r.annualVolatility()).isCloseTo(0.9136465399704637, within(EMPYRICAL));
        assertThat(r.calmar()).isCloseTo(19.135925373194233, within(EMPYRICAL));
        assertThat(r.sharpe()).isCloseTo(1.7238613961706866, within(EMPYRICAL));
        assertThat(r.downsideRisk()).isCloseTo(0.60448325038829653, within(EMPYRICAL));
        assertThat(r.sortino()).isCloseTo(2.605531251673693, within(EMPYRICAL));
    }

    @Test
    void downsideRiskWithARequiredReturnMatchesEmpyrical() {
        assertThat(daily(MIXED, null, new double[] {0.1}).downsideRisk()).isCloseTo(1.7161730681956295, within(EMPYRICAL));
    }

    @Test
    void sharpeWithARiskFreeSeriesMatchesEmpyrical() {
        // test_sharpe_ratio(mixed_returns, simple_benchmark): the benchmark used as a per-period risk-free rate.
        assertThat(daily(MIXED, SIMPLE_BENCHMARK, null).sharpe()).isCloseTo(0.34111411441060574, within(EMPYRICAL));
    }

    @Test
    void sortinoWithARequiredReturnSeriesMatchesEmpyrical() {
        assertThat(daily(MIXED, null, FLAT_LINE_1).sortino()).isCloseTo(-1.3934779588919977, within(EMPYRICAL));
    }

    @Test
    void returnsMeasuredAgainstThemselvesHaveNoDownsideAndNoSharpe() {
        // empyrical passes mixed_returns as its own required return / risk-free rate: downside risk 0.0,
        // Sortino NaN, Sharpe NaN. Rates may not be missing here, so the missing period's rate is 0.
        double[] self = MIXED.clone();
        self[0] = 0;
        PerformanceReport asMar = daily(MIXED, null, self);
        assertThat(asMar.downsideRisk()).isZero();
        assertThat(asMar.sortino()).isNull();
        assertThat(daily(MIXED, self, null).sharpe()).isNull();
    }

    @Test
    void omegaMatchesEmpyrical() {
        // required_return = 10 (annual) is (1 + 10)^(1/252) - 1 per period.
        double perPeriod = Math.pow(11, 1.0 / 252) - 1;
        assertThat(daily(MIXED, null, new double[] {perPeriod}).omega()).isCloseTo(0.83354263497557934, within(EMPYRICAL));
        assertThat(daily(MIXED, FLAT_LINE_1, null).omega()).isCloseTo(0.8125, within(EMPYRICAL));
        assertThat(daily(POSITIVE, new double[] {0.011}, null).omega()).isCloseTo(1.125, within(EMPYRICAL));
        assertThat(daily(POSITIVE, new double[] {0.02}, null).omega()).isCloseTo(0.0, within(EMPYRICAL));
        assertThat(daily(NEGATIVE, new double[] {0.01}, null).omega()).isCloseTo(0.0, within(EMPYRICAL));
        // empyrical: NaN, nothing below the threshold.
        assertThat(daily(POSITIVE, new double[] {0.01}, null).omega()).isNull();
    }

    @Test
    void sharpeAndSortinoOfOneSignedSeriesMatchEmpyrical() {
        assertThat(daily(POSITIVE, null, null).sharpe()).isCloseTo(52.915026221291804, within(EMPYRICAL));
        assertThat(daily(NEGATIVE, null, null).sharpe()).isCloseTo(-24.406808633910085, within(EMPYRICAL));
        assertThat(daily(NEGATIVE, null, null).sortino()).isCloseTo(-13.532743075043401, within(EMPYRICAL));
        // empyrical: inf (no downside); here undefined.
        assertThat(daily(POSITIVE, null, null).sortino()).isNull();
        assertThat(daily(SIMPLE_BENCHMARK, null, null).sortino()).isNull();
    }

    @Test
    void maxDrawdownMatchesEmpyrical() {
        assertThat(daily(SIMPLE_BENCHMARK, null, null).maxDrawdown()).isZero();
        assertThat(daily(POSITIVE, null, null).maxDrawdown()).isZero();
        // Falling from the first period on, the drawdown is the final cumulative return, -0.36590 to 4 places.
        assertThat(daily(NEGATIVE, null, null).maxDrawdown()).isCloseTo(-0.36590, within(5e-5));
        assertThat(daily(NEGATIVE, null, null).maxDrawdown()).isCloseTo(daily(NEGATIVE, null, null).totalReturn(), within(1e-15));
        assertThat(daily(percent(10, -10, 10), null, null).maxDrawdown()).isCloseTo(-0.10, within(EMPYRICAL));
    }

    @Test
    void weeklyReturnsMatchEmpyrical() {
        PerformanceReport r = periodic(PERIODIC, 52, 0);
        assertThat(r.annualReturn()).isCloseTo(0.24690830513998208, within(EMPYRICAL));
        assertThat(r.annualVolatility()).isCloseTo(0.38851569394870583, within(EMPYRICAL));
        assertThat(r.calmar()).isCloseTo(2.4690830513998208, within(EMPYRICAL));
        assertThat(r.downsideRisk()).isCloseTo(0.25888650451930134, within(EMPYRICAL));
        assertThat(r.sortino()).isCloseTo(1.1158901056866439, within(EMPYRICAL));
        assertThat(periodic(PERIODIC, 52, 0.1).downsideRisk()).isCloseTo(0.7733045971672482, within(EMPYRICAL));
    }

    @Test
    void monthlyReturnsMatchEmpyrical() {
        PerformanceReport r = periodic(PERIODIC, 12, 0);
        assertThat(r.annualReturn()).isCloseTo(0.052242061386048144, within(EMPYRICAL));
        assertThat(r.annualVolatility()).isCloseTo(0.18663690238892558, within(EMPYRICAL));
        assertThat(r.calmar()).isCloseTo(0.52242061386048144, within(EMPYRICAL));
        assertThat(r.downsideRisk()).isCloseTo(0.1243650540411842, within(EMPYRICAL));
        assertThat(r.sortino()).isCloseTo(0.53605626741889756, within(EMPYRICAL));
        assertThat(periodic(PERIODIC, 12, 0.1).downsideRisk()).isCloseTo(0.37148351242013422, within(EMPYRICAL));
    }

    @Test
    void eightDayFramesMatchEmpyrical() {
        // test_downside_risk / test_sortino on df_simple, columns 'one' and 'two'.
        PerformanceReport one = daily(DF_ONE, null, null);
        assertThat(one.downsideRisk()).isCloseTo(0.20671788246185202, within(EMPYRICAL));
        assertThat(one.sortino()).isCloseTo(3.0639640966566306, within(EMPYRICAL));
        PerformanceReport two = daily(DF_TWO, null, null);
        assertThat(two.downsideRisk()).isCloseTo(0.083495680595704475, within(EMPYRICAL));
        assertThat(two.sortino()).isCloseTo(38.090963117002495, within(EMPYRICAL));
    }

    @Test
    void oneReturnMatchesEmpyrical() {
        PerformanceReport r = daily(new double[] {0.01}, null, null);
        // test_cagr(one_return): 1.01^252 - 1.
        assertThat(r.annualReturn()).isCloseTo(11.274002099240244, within(EMPYRICAL));
        assertThat(r.maxDrawdown()).isZero();
        assertThat(r.downsideRisk()).isZero();
        // empyrical: NaN for each.
        assertThat(r.sharpe()).isNull();
        assertThat(r.sortino()).isNull();
        assertThat(r.calmar()).isNull();
        assertThat(r.omega()).isNull();
    }

    @Test
    void alphaAndBetaAgainstItselfAndItsMirrorMatchEmpyrical() {
        PerformanceReport same = ANALYTICS.compute(new PerformanceInput(MIXED, null, null, 252, MIXED, 0.95));
        assertThat(same.alpha()).isCloseTo(0.0, within(EMPYRICAL));
        assertThat(same.beta()).isCloseTo(1.0, within(EMPYRICAL));
        double[] mirror = new double[MIXED.length];
        for (int i = 0; i < mirror.length; i++) {
            mirror[i] = -MIXED[i];
        }
        PerformanceReport opposite = ANALYTICS.compute(new PerformanceInput(MIXED, null, null, 252, mirror, 0.95));
        assertThat(opposite.alpha()).isCloseTo(0.0, within(EMPYRICAL));
        assertThat(opposite.beta()).isCloseTo(-1.0, within(EMPYRICAL));
        // test_beta(mixed_returns, flat_line_1): NaN, the benchmark does not vary.
        assertThat(ANALYTICS.compute(new PerformanceInput(MIXED, null, null, 252, FLAT_LINE_1, 0.95)).beta()).isNull();
    }

    @Test
    void valueAtRiskMatchesEmpyrical() {
        // test_value_at_risk: value_at_risk(returns, cutoff) with confidence = 1 - cutoff.
        assertThat(var(new double[] {1.0, 2.0}, 1.0)).isCloseTo(1.0, within(EMPYRICAL));
        assertThat(var(new double[] {1.0, 2.0}, 0.7)).isCloseTo(1.3, within(EMPYRICAL));
        assertThat(var(new double[] {1.0, 2.0}, 0.0)).isCloseTo(2.0, within(EMPYRICAL));
        double[] outlier = {1, 81, 82, 83, 84, 85};
        assertThat(var(outlier, 0.9)).isCloseTo(41, within(EMPYRICAL));
        assertThat(var(outlier, 0.8)).isCloseTo(81, within(EMPYRICAL));
        assertThat(var(outlier, 0.7)).isCloseTo(81.5, within(EMPYRICAL));
    }

    @Test
    void conditionalValueAtRiskOfOneReturnIsThatReturn() {
        // test_conditional_value_at_risk: a single value is its own CVaR at cutoff 0 and 1.
        double[] one = {-0.0123};
        assertThat(ANALYTICS.compute(new PerformanceInput(one, null, null, 252, null, 1)).cvar()).isEqualTo(-0.0123);
        assertThat(ANALYTICS.compute(new PerformanceInput(one, null, null, 252, null, 0)).cvar()).isEqualTo(-0.0123);
    }

    private static double var(double[] returns, double confidence) {
        return ANALYTICS.compute(new PerformanceInput(returns, null, null, 252, null, confidence)).var();
    }
}
