package io.riskgrid.breach;

import io.riskgrid.core.account.TradingState;
import io.riskgrid.grid.schema.AccountRiskRow;
import org.junit.jupiter.api.Test;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The remote filter's decision, without a grid. */
class MaterialRiskChangeTest {

    private static final MaterialRiskChange RULE = MaterialRiskChange.DEFAULT;

    @Test
    void newAccountRiskAlwaysPasses() {
        assertThat(RULE.isMaterial(null, row())).isTrue();
    }

    @Test
    void removedRowNeverPasses() {
        assertThat(RULE.isMaterial(row(), null)).isFalse();
    }

    @Test
    void onlyUpdatedAtChangedIsNotMaterial() {
        AccountRiskRow after = row();
        after.updatedAt += 60_000;
        after.realizedPnl += 5; // not watched: equity carries P&L that matters
        assertThat(RULE.isMaterial(row(), after)).isFalse();
        assertThat(MaterialRiskChange.ANY.isMaterial(row(), after)).isFalse();
    }

    @Test
    void equityMoveBeyondOneCentIsMaterial() {
        AccountRiskRow after = row();
        after.equity += 0.02;
        assertThat(RULE.isMaterial(row(), after)).isTrue();
    }

    @Test
    void equityMoveWithinOneCentIsNot() {
        AccountRiskRow after = row();
        after.equity += 0.004;
        assertThat(RULE.isMaterial(row(), after)).isFalse();
        // With no tolerance, any move counts.
        assertThat(MaterialRiskChange.ANY.isMaterial(row(), after)).isTrue();
    }

    @Test
    void grossExposureMoveIsMaterial() {
        AccountRiskRow after = row();
        after.grossExposure -= 100;
        assertThat(RULE.isMaterial(row(), after)).isTrue();
    }

    @Test
    void riskScoreMoveIsMaterialBeyondItsTolerance() {
        AccountRiskRow small = row();
        small.riskScore += 0.005;
        AccountRiskRow large = row();
        large.riskScore += 0.5;
        assertThat(RULE.isMaterial(row(), small)).isFalse();
        assertThat(RULE.isMaterial(row(), large)).isTrue();
    }

    @Test
    void tradingStateChangeIsMaterialWithoutAnyFigureMoving() {
        AccountRiskRow after = row();
        after.tradingState = TradingState.HALTED.name();
        assertThat(RULE.isMaterial(row(), after)).isTrue();
        AccountRiskRow noState = row();
        noState.tradingState = null;
        assertThat(RULE.isMaterial(row(), noState)).isTrue();
    }

    @Test
    void figureTurningNaNIsMaterial() {
        AccountRiskRow after = row();
        after.riskScore = Double.NaN;
        assertThat(RULE.isMaterial(row(), after)).isTrue();
    }

    @Test
    void tolerancesMustBeZeroOrPositive() {
        assertThatThrownBy(() -> new MaterialRiskChange(-1, 0, 0)).hasMessageContaining("equityTolerance");
        assertThatThrownBy(() -> new MaterialRiskChange(0, Double.NaN, 0)).hasMessageContaining("grossExposureTolerance");
        assertThatThrownBy(() -> new MaterialRiskChange(0, 0, Double.POSITIVE_INFINITY)).hasMessageContaining("riskScoreTolerance");
        assertThatThrownBy(() -> new MaterialRiskChangeFilter(null)).hasMessage("rule is required");
    }

    @Test
    void filterPassesCreatedAndMaterialUpdatesOnly() {
        MaterialRiskChangeFilter filter = new MaterialRiskChangeFilter(RULE);
        AccountRiskRow touched = row();
        touched.updatedAt++;
        AccountRiskRow moved = row();
        moved.equity -= 1_000;
        assertThat(filter.evaluate(event(EventType.CREATED, null, row()))).isTrue();
        assertThat(filter.evaluate(event(EventType.UPDATED, row(), touched))).isFalse();
        assertThat(filter.evaluate(event(EventType.UPDATED, row(), moved))).isTrue();
        assertThat(filter.evaluate(event(EventType.REMOVED, row(), row()))).isFalse();
        assertThat(filter.evaluate(event(EventType.EXPIRED, row(), row()))).isFalse();
    }

    @Test
    void filterSurvivesSerializationWithItsRule() throws Exception {
        MaterialRiskChangeFilter filter = new MaterialRiskChangeFilter(new MaterialRiskChange(1, 2, 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(filter);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            MaterialRiskChangeFilter copy = (MaterialRiskChangeFilter) in.readObject();
            assertThat(copy.rule()).isEqualTo(new MaterialRiskChange(1, 2, 3));
        }
    }

    @Test
    void riskUpdateCarriesTheRowsFigures() {
        AccountRiskRow r = row();
        RiskUpdate u = RiskUpdate.of("ACC-A", r);
        assertThat(u).isEqualTo(new RiskUpdate("ACC-A", 1_000_000, 250_000, 12.5, TradingState.ACTIVE, 1_000));
        r.tradingState = "NOT-A-STATE";
        assertThatThrownBy(() -> RiskUpdate.of("ACC-A", r)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AccountRiskRow row() {
        AccountRiskRow r = new AccountRiskRow();
        r.initialEquity = 1_000_000;
        r.equity = 1_000_000;
        r.grossExposure = 250_000;
        r.riskScore = 12.5;
        r.tradingState = TradingState.ACTIVE.name();
        r.updatedAt = 1_000;
        return r;
    }

    @SuppressWarnings("unchecked")
    private static CacheEntryEvent<String, AccountRiskRow> event(EventType type, AccountRiskRow old, AccountRiskRow value) {
        // EventObject needs a non-null source; the filter never looks at it.
        Cache<String, AccountRiskRow> source = (Cache<String, AccountRiskRow>) Proxy.newProxyInstance(
                Cache.class.getClassLoader(), new Class<?>[]{Cache.class}, (p, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        return new CacheEntryEvent<>(source, type) {
            @Override
            public AccountRiskRow getOldValue() {
                return old;
            }

            @Override
            public boolean isOldValueAvailable() {
                return old != null;
            }

            @Override
            public String getKey() {
                return "ACC-A";
            }

            @Override
            public AccountRiskRow getValue() {
                return value;
            }

            @Override
            public <T> T unwrap(Class<T> clazz) {
                throw new IllegalArgumentException();
            }
        };
    }
}
