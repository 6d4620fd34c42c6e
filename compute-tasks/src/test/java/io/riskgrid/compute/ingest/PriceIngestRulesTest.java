package io.riskgrid.compute.ingest;

import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.PriceRow;
import org.junit.jupiter.api.Test;

import javax.cache.processor.MutableEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules the ingest tasks apply inside the grid, checked without one. */
class PriceIngestRulesTest {

    @Test
    void aPriceReplacesOnlyAnOlderOrEqualOne() {
        Entry entry = new Entry();
        PriceIngestTask.KeepNewest keepNewest = new PriceIngestTask.KeepNewest();
        keepNewest.process(entry, 100.0, 10L);
        assertThat(entry.value.price).isEqualTo(100.0);
        keepNewest.process(entry, 90.0, 5L);
        assertThat(entry.value.price).as("older timestamp ignored").isEqualTo(100.0);
        keepNewest.process(entry, 95.0, 10L);
        assertThat(entry.value.price).as("same timestamp, later arrival wins").isEqualTo(95.0);
        keepNewest.process(entry, 101.0, 11L);
        assertThat(entry.value.price).isEqualTo(101.0);
        assertThat(entry.value.ts).isEqualTo(11L);
    }

    @Test
    void aNewAccountStartsFlatAtItsInitialEquityAndActive() {
        AccountRiskRow r = AccountBook.initialRisk(2_500_000, 42);
        assertThat(r.equity).isEqualTo(2_500_000);
        assertThat(r.peakEquity).isEqualTo(2_500_000);
        assertThat(r.sodEquity).isEqualTo(2_500_000);
        assertThat(r.marginAvailable).isEqualTo(2_500_000);
        assertThat(r.grossExposure).isZero();
        assertThat(r.tradingState).isEqualTo("ACTIVE");
        assertThat(r.instrumentIds).isEmpty();
        assertThat(r.updatedAt).isEqualTo(42);
    }

    @Test
    void taskNamesAreTheClassNamesSoAnyServerCanLoadThem() {
        assertThat(FillIngestTask.NAME).isEqualTo(FillIngestTask.class.getName());
        assertThat(PriceIngestTask.NAME).isEqualTo(PriceIngestTask.class.getName());
    }

    /** A cache entry held in a field. */
    private static final class Entry implements MutableEntry<String, PriceRow> {
        private PriceRow value;

        @Override
        public boolean exists() {
            return value != null;
        }

        @Override
        public void remove() {
            value = null;
        }

        @Override
        public void setValue(PriceRow v) {
            value = v;
        }

        @Override
        public String getKey() {
            return "X";
        }

        @Override
        public PriceRow getValue() {
            return value;
        }

        @Override
        public <T> T unwrap(Class<T> clazz) {
            throw new UnsupportedOperationException();
        }
    }
}
