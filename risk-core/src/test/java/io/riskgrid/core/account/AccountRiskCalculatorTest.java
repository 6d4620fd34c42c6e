package io.riskgrid.core.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Account risk against a hand-computed two-position book. */
class AccountRiskCalculatorTest {

    private static final double EPS = 1e-9;

    @Test
    void figuresOfATwoPositionBook() {
        List<PositionExposure> book = List.of(
                new PositionExposure("A", 5_000, 10_000, 300_000, 0.25),
                new PositionExposure("B", 0, -4_000, -100_000, 0.5));
        AccountRisk r = AccountRiskCalculator.DEFAULT.compute(1_000_000, 1_050_000, 1_000_000, book);

        assertThat(r.realizedPnl()).isCloseTo(5_000, within(EPS));
        assertThat(r.unrealizedPnl()).isCloseTo(6_000, within(EPS));
        assertThat(r.pnlTotal()).isCloseTo(11_000, within(EPS));
        assertThat(r.equity()).isCloseTo(1_011_000, within(EPS));
        assertThat(r.dailyPnl()).isCloseTo(11_000, within(EPS));
        assertThat(r.grossExposure()).isCloseTo(400_000, within(EPS));
        assertThat(r.netExposure()).isCloseTo(200_000, within(EPS));
        assertThat(r.leverage()).isCloseTo(400_000.0 / 1_011_000.0, within(EPS));
        // 300k * 0.25 + 100k * 0.5
        assertThat(r.marginUsed()).isCloseTo(125_000, within(EPS));
        assertThat(r.marginAvailable()).isCloseTo(886_000, within(EPS));
        assertThat(r.maxConcentration()).isCloseTo(0.75, within(EPS));
        assertThat(r.maxConcentrationInstrument()).isEqualTo("A");
        assertThat(r.peakEquity()).isCloseTo(1_050_000, within(EPS));
        // (1,050,000 - 1,011,000) / 1,050,000
        assertThat(r.drawdown()).isCloseTo(39_000.0 / 1_050_000.0, within(EPS));
    }

    @Test
    void newPeakMeansNoDrawdown() {
        AccountRisk r = AccountRiskCalculator.DEFAULT.compute(100, Double.NaN, Double.NaN,
                List.of(new PositionExposure("A", 0, 20, 120, 0.1)));
        assertThat(r.peakEquity()).isCloseTo(120, within(EPS));
        assertThat(r.drawdown()).isZero();
        assertThat(r.sodEquity()).isCloseTo(100, within(EPS));
    }

    @Test
    void flatAccountHasNoExposureAndNoConcentration() {
        AccountRisk r = AccountRiskCalculator.DEFAULT.compute(1_000, Double.NaN, Double.NaN, List.of());
        assertThat(r.equity()).isEqualTo(1_000);
        assertThat(r.grossExposure()).isZero();
        assertThat(r.leverage()).isZero();
        assertThat(r.maxConcentration()).isZero();
        assertThat(r.maxConcentrationInstrument()).isNull();
        assertThat(r.score().score()).isZero();
    }

    @Test
    void insolventAccountReportsCappedLeverage() {
        AccountRisk r = AccountRiskCalculator.DEFAULT.compute(100, 100, 100,
                List.of(new PositionExposure("A", 0, -150, 50, 0.1)));
        assertThat(r.equity()).isCloseTo(-50, within(EPS));
        assertThat(r.leverage()).isEqualTo(AccountRiskCalculator.LEVERAGE_CAP);
    }
}
