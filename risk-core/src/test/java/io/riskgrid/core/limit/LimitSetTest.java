package io.riskgrid.core.limit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The columnar form of an account's limits. */
class LimitSetTest {

    @Test
    void columnsKeepEachLimitInItsGivenOrder() {
        LimitSet s = LimitSet.of(List.of(
                new AccountLimit("ACC-1", "gross", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 1_000_000, 0.8),
                new AccountLimit("ACC-1", "tech", LimitScope.SECTOR, "TECH", LimitMetric.CONCENTRATION, 0.4, 0.9),
                new AccountLimit("ACC-1", "aapl", LimitScope.INSTRUMENT, "AAPL", LimitMetric.POSITION_QTY, 5_000, 1)));

        assertThat(s.size()).isEqualTo(3);
        assertThat(s.limitId(0)).isEqualTo("gross");
        assertThat(s.metric(0)).isEqualTo(LimitMetric.GROSS_NOTIONAL);
        assertThat(s.scope(0)).isEqualTo(LimitScope.ACCOUNT);
        assertThat(s.target(0)).isNull();
        assertThat(s.maxValue(0)).isEqualTo(1_000_000);
        assertThat(s.warnAt(0)).isEqualTo(0.8);

        assertThat(s.limitId(1)).isEqualTo("tech");
        assertThat(s.metric(1)).isEqualTo(LimitMetric.CONCENTRATION);
        assertThat(s.scope(1)).isEqualTo(LimitScope.SECTOR);
        assertThat(s.target(1)).isEqualTo("TECH");
        assertThat(s.maxValue(1)).isEqualTo(0.4);
        assertThat(s.warnAt(1)).isEqualTo(0.9);

        assertThat(s.limitId(2)).isEqualTo("aapl");
        assertThat(s.metric(2)).isEqualTo(LimitMetric.POSITION_QTY);
        assertThat(s.scope(2)).isEqualTo(LimitScope.INSTRUMENT);
        assertThat(s.target(2)).isEqualTo("AAPL");
        assertThat(s.maxValue(2)).isEqualTo(5_000);
        assertThat(s.warnAt(2)).isEqualTo(1);
    }

    @Test
    void indexOfFindsALimitByIdOrSaysMinusOne() {
        LimitSet s = LimitSet.of(List.of(
                new AccountLimit("ACC-1", "gross", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 1, 0.8),
                new AccountLimit("ACC-1", "lev", LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 5, 0.8)));
        assertThat(s.indexOf("gross")).isZero();
        assertThat(s.indexOf("lev")).isEqualTo(1);
        assertThat(s.indexOf("var")).isEqualTo(-1);
    }

    @Test
    void emptySetHasNoLimits() {
        assertThat(LimitSet.EMPTY.size()).isZero();
        assertThat(LimitSet.EMPTY.indexOf("gross")).isEqualTo(-1);
    }

    @Test
    void laterChangesToTheSourceListDoNotReachTheSet() {
        java.util.ArrayList<AccountLimit> source = new java.util.ArrayList<>(List.of(
                new AccountLimit("ACC-1", "gross", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 1, 0.8)));
        LimitSet s = LimitSet.of(source);
        source.clear();
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.limitId(0)).isEqualTo("gross");
    }
}
