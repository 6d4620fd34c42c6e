package io.riskgrid.core.limit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What makes an account limit well-formed. */
class AccountLimitTest {

    @Test
    void onlyLeverageDailyLossDrawdownAndVarAreAccountOnly() {
        assertThat(LimitMetric.LEVERAGE.accountOnly()).isTrue();
        assertThat(LimitMetric.DAILY_LOSS.accountOnly()).isTrue();
        assertThat(LimitMetric.DRAWDOWN.accountOnly()).isTrue();
        assertThat(LimitMetric.VAR_99.accountOnly()).isTrue();
        assertThat(LimitMetric.GROSS_NOTIONAL.accountOnly()).isFalse();
        assertThat(LimitMetric.NET_NOTIONAL.accountOnly()).isFalse();
        assertThat(LimitMetric.POSITION_QTY.accountOnly()).isFalse();
        assertThat(LimitMetric.CONCENTRATION.accountOnly()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = LimitMetric.class, names = {"LEVERAGE", "DAILY_LOSS", "DRAWDOWN", "VAR_99"})
    void accountOnlyMetricIsRejectedForAnInstrument(LimitMetric metric) {
        assertThatThrownBy(() -> new AccountLimit("ACC-1", "L1", LimitScope.INSTRUMENT, "AAPL", metric, 10, 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric " + metric + " applies to the whole account only")
                .hasMessageContaining("scope must be ACCOUNT, was INSTRUMENT");
    }

    @ParameterizedTest
    @EnumSource(value = LimitMetric.class, names = {"LEVERAGE", "DAILY_LOSS", "DRAWDOWN", "VAR_99"})
    void accountOnlyMetricIsRejectedForASector(LimitMetric metric) {
        assertThatThrownBy(() -> new AccountLimit("ACC-1", "L1", LimitScope.SECTOR, "TECH", metric, 10, 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric " + metric + " applies to the whole account only")
                .hasMessageContaining("was SECTOR");
    }

    @ParameterizedTest
    @EnumSource(LimitMetric.class)
    void everyMetricIsAllowedForTheWholeAccount(LimitMetric metric) {
        AccountLimit l = new AccountLimit("ACC-1", "L1", LimitScope.ACCOUNT, null, metric, 10, 0.8);
        assertThat(l.metric()).isEqualTo(metric);
        assertThat(l.target()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = LimitMetric.class, names = {"GROSS_NOTIONAL", "NET_NOTIONAL", "POSITION_QTY", "CONCENTRATION"})
    void positionMetricsAreAllowedForInstrumentsAndSectors(LimitMetric metric) {
        assertThat(new AccountLimit("ACC-1", "L1", LimitScope.INSTRUMENT, "AAPL", metric, 10, 0.8).target()).isEqualTo("AAPL");
        assertThat(new AccountLimit("ACC-1", "L2", LimitScope.SECTOR, "TECH", metric, 10, 0.8).target()).isEqualTo("TECH");
    }

    @Test
    void anAccountLimitWithATargetIsThatInstrumentsLimit() {
        AccountLimit l = new AccountLimit("ACC-1", "L1", LimitScope.ACCOUNT, "AAPL", LimitMetric.POSITION_QTY, 10, 0.8);
        assertThat(l.scope()).isEqualTo(LimitScope.INSTRUMENT);
        assertThat(l.target()).isEqualTo("AAPL");
    }

    @Test
    void aWholeAccountMetricCannotHaveATarget() {
        assertThatThrownBy(() -> new AccountLimit("ACC-1", "L1", LimitScope.ACCOUNT, "AAPL", LimitMetric.LEVERAGE, 10, 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target must be empty for metric LEVERAGE, which applies to the whole account, was 'AAPL'");
    }

    @Test
    void instrumentOrSectorLimitNeedsATarget() {
        assertThatThrownBy(() -> new AccountLimit("ACC-1", "L1", LimitScope.INSTRUMENT, null, LimitMetric.GROSS_NOTIONAL, 10, 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target is required");
        assertThatThrownBy(() -> new AccountLimit("ACC-1", "L1", LimitScope.SECTOR, "  ", LimitMetric.GROSS_NOTIONAL, 10, 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target is required");
    }

    @Test
    void missingIdentityOrKindIsRejectedByName() {
        assertThatThrownBy(() -> new AccountLimit(" ", "L1", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 10, 0.8))
                .hasMessage("accountId is required");
        assertThatThrownBy(() -> new AccountLimit("ACC-1", null, LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 10, 0.8))
                .hasMessage("limitId is required");
        assertThatThrownBy(() -> new AccountLimit("ACC-1", "L1", null, null, LimitMetric.GROSS_NOTIONAL, 10, 0.8))
                .hasMessage("scope is required");
        assertThatThrownBy(() -> new AccountLimit("ACC-1", "L1", LimitScope.ACCOUNT, null, null, 10, 0.8))
                .hasMessage("metric is required");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void maxValueMustBeAPositiveNumber(double max) {
        assertThatThrownBy(() -> new AccountLimit("ACC-1", "L1", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, max, 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxValue must be a positive number");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1, 1.0001, Double.NaN})
    void warnLevelOutsideZeroToOneIsRejected(double warnAt) {
        assertThatThrownBy(() -> new AccountLimit("ACC-1", "L1", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 10, warnAt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warnAt must be in (0, 1]");
    }

    @Test
    void warnLevelOfOneWarnsOnlyAtTheLimit() {
        assertThat(new AccountLimit("ACC-1", "L1", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 10, 1).warnAt()).isEqualTo(1);
        assertThat(AccountLimit.DEFAULT_WARN_AT).isEqualTo(0.8);
    }
}
