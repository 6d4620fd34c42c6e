package io.riskgrid.bench.load;

import io.riskgrid.breach.alert.AlertEvent;
import io.riskgrid.core.alert.AlertPolicy;
import io.riskgrid.core.alert.Severity;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreachCycleTest {

    private final BreachCycle cycle = new BreachCycle(1_000, "t1");

    @Test
    void fillsAlternateBuyAndSellOfTheSameSize() {
        Fill first = cycle.fill(7, 0, 42);
        Fill second = cycle.fill(7, 1, 43);

        assertThat(first.side()).isEqualTo(Side.BUY);
        assertThat(second.side()).isEqualTo(Side.SELL);
        assertThat(first.quantity()).isEqualTo(9_500);
        assertThat(second.quantity()).isEqualTo(9_500);
        assertThat(first.price()).isEqualTo(100);
        assertThat(first.accountId()).isEqualTo("LAT-000007");
        assertThat(first.instrumentId()).isEqualTo(BreachCycle.INSTRUMENT_ID);
        assertThat(first.fillId()).isNotEqualTo(second.fillId()).isNotEqualTo(cycle.fill(8, 0, 42).fillId());
    }

    @Test
    void aBuyRaisesAHighAlertAndTheSellResolvesIt() {
        // Gross notional after the buy: 9,500 x 100 = 950,000 against a limit of 1,000,000 -> 0.95,
        // at or above the 0.90 HIGH threshold and below 1.00 CRITICAL (DESIGN.md defaults).
        double afterBuy = 9_500 * 100 / 1_000_000.0;
        AlertPolicy policy = AlertPolicy.DEFAULT;

        assertThat(policy.next(null, afterBuy, BreachCycle.WARN_AT)).isEqualTo(Severity.HIGH);
        assertThat(policy.next(Severity.HIGH, 0.0, BreachCycle.WARN_AT)).isNull();
    }

    @Test
    void everyAccountHasOneAccountWideGrossNotionalLimit() {
        assertThat(cycle.limits()).hasSize(1_000).allSatisfy(l -> {
            assertThat(l.scope()).isEqualTo(LimitScope.ACCOUNT);
            assertThat(l.metric()).isEqualTo(LimitMetric.GROSS_NOTIONAL);
            assertThat(l.maxValue()).isEqualTo(1_000_000);
            assertThat(l.warnAt()).isEqualTo(0.8);
        });
        assertThat(cycle.accountList()).hasSize(1_000).allSatisfy(a -> assertThat(a.initialEquity()).isEqualTo(1_000_000));
    }

    @Test
    void accountIdsMapBackToTheirIndex() {
        assertThat(cycle.accountIndex("LAT-000000")).isZero();
        assertThat(cycle.accountIndex("LAT-000999")).isEqualTo(999);
        assertThat(cycle.accountIndex("LAT-001000")).isEqualTo(-1);
        assertThat(cycle.accountIndex("ACC-001")).isEqualTo(-1);
        assertThat(cycle.accountIndex("LAT-12")).isEqualTo(-1);
        assertThat(cycle.accountIndex(null)).isEqualTo(-1);
    }

    @Test
    void anAlertEventMapsToTheFillThatCausedIt() {
        // Alert m of an account is opened by its m-th buy (ordinal 2(m-1)) and closed by the sell after it.
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000007-A1", AlertEvent.Kind.RAISED)).isZero();
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000007-A1", AlertEvent.Kind.RESOLVED)).isEqualTo(1);
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000007-A3", AlertEvent.Kind.RAISED)).isEqualTo(4);
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000007-A3", AlertEvent.Kind.RESOLVED)).isEqualTo(5);
    }

    @Test
    void eventsThatNoFillExplainsMapToNothing() {
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000007-A1", AlertEvent.Kind.ESCALATED)).isEqualTo(-1);
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000007-A1", AlertEvent.Kind.SEVERITY_UP)).isEqualTo(-1);
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000008-A1", AlertEvent.Kind.RAISED)).isEqualTo(-1);
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000007-A0", AlertEvent.Kind.RAISED)).isEqualTo(-1);
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000007-Ax", AlertEvent.Kind.RAISED)).isEqualTo(-1);
        assertThat(BreachCycle.ordinalOf("LAT-000007", "LAT-000007-A", AlertEvent.Kind.RAISED)).isEqualTo(-1);
    }

    @Test
    void rejectsAnEmptyBook() {
        assertThatThrownBy(() -> new BreachCycle(0, "r")).hasMessageContaining("accounts");
        assertThatThrownBy(() -> new BreachCycle(1, " ")).hasMessageContaining("runId");
    }
}
