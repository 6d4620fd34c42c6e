package io.riskgrid.grid.schema;

import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.QueryEntity;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GridTablesTest {

    @Test
    void columnNamesAreUpperSnakeCase() {
        assertThat(GridTables.column("avgPrice")).isEqualTo("AVG_PRICE");
        assertThat(GridTables.column("accountId")).isEqualTo("ACCOUNT_ID");
        assertThat(GridTables.column("var99")).isEqualTo("VAR_99");
        assertThat(GridTables.column("ts")).isEqualTo("TS");
        assertThat(GridTables.column("pnlTotal")).isEqualTo("PNL_TOTAL");
    }

    @Test
    void everyTableOfTheDesignIsThereWithItsColumns() {
        Map<String, CacheConfiguration<?, ?>> caches = GridTables.cacheConfigurations().stream()
                .collect(Collectors.toMap(CacheConfiguration::getName, c -> c));
        assertThat(caches.keySet()).containsExactlyInAnyOrderElementsOf(GridTables.ALL);
        assertThat(columns(caches.get("POSITIONS"))).contains("ACCOUNT_ID", "INSTRUMENT_ID", "QUANTITY", "AVG_PRICE",
                "REALIZED_PNL", "UNREALIZED_PNL", "MARKET_VALUE", "UPDATED_AT");
        assertThat(columns(caches.get("ACCOUNT_RISK"))).contains("ACCOUNT_ID", "EQUITY", "PNL_TOTAL", "GROSS_EXPOSURE",
                "NET_EXPOSURE", "LEVERAGE", "MARGIN_USED", "MAX_CONCENTRATION", "DRAWDOWN", "VAR_95", "VAR_99",
                "RISK_SCORE", "TRADING_STATE", "UPDATED_AT").doesNotContain("INSTRUMENT_IDS");
        assertThat(columns(caches.get("INSTRUMENTS"))).contains("INSTRUMENT_ID", "SYMBOL", "ASSET_CLASS", "SECTOR",
                "CURRENCY", "CONTRACT_SIZE", "MARGIN_RATE");
        assertThat(columns(caches.get("LIMITS"))).contains("ACCOUNT_ID", "LIMIT_ID", "SCOPE", "TARGET", "METRIC",
                "MAX_VALUE", "WARN_AT");
        assertThat(columns(caches.get("ALERTS"))).contains("ACCOUNT_ID", "ALERT_ID", "LIMIT_ID", "METRIC", "SEVERITY",
                "STATUS", "CURRENT_VALUE", "LIMIT_VALUE", "UTILIZATION", "CREATED_AT", "ACK_BY");
        assertThat(columns(caches.get("AUDIT_LOG"))).contains("EVENT_ID", "TS", "ACTOR", "ACTION", "ACCOUNT_ID", "DETAILS");
        assertThat(columns(caches.get("ACCOUNTS"))).contains("ACCOUNT_ID", "NAME", "BASE_CURRENCY", "INITIAL_EQUITY", "STRATEGY");
        assertThat(columns(caches.get("PRICES"))).contains("INSTRUMENT_ID", "PRICE", "TS");
        assertThat(columns(caches.get("AUDIT_LOG"))).contains("BEFORE", "AFTER", "REASON", "TRIGGER_VALUE");
        assertThat(columns(caches.get("ACCOUNT_RISK"))).contains("MAX_LIMIT_UTILIZATION", "DRAWDOWN_TIER", "KILL_SWITCH",
                "STATE_OVERRIDE", "NEXT_EXPIRY_AT", "TRADING_STATE")
                .doesNotContain("LIMIT_IDS", "UTILIZATIONS", "BREACH_ALERT_IDS");
        assertThat(columns(caches.get("OVERRIDES"))).contains("ACCOUNT_ID", "OVERRIDE_ID", "LIMIT_ID", "STATE", "LIMIT_VALUE",
                "REASON", "ACTOR", "EXPIRES_AT", "STATUS");
        assertThat(columns(caches.get("TRADING_CONTROLS"))).contains("SCOPE", "STATE", "REASON", "TRIGGER");
        assertThat(columns(caches.get("RETURN_HISTORY"))).contains("INSTRUMENT_ID", "OBSERVATIONS", "AS_OF")
                .doesNotContain("RETURNS");
        assertThat(columns(caches.get("JOBS"))).contains("JOB_ID", "TYPE", "STATUS", "PROGRESS", "SUBMITTED_AT",
                "FINISHED_AT", "RESULT");
    }

    @Test
    void referenceDataIsReplicatedAndAccountDataPartitionedWithOneBackup() {
        for (CacheConfiguration<?, ?> c : GridTables.cacheConfigurations()) {
            assertThat(c.getSqlSchema()).isEqualTo("PUBLIC");
            if (java.util.Set.of("INSTRUMENTS", "PRICES", "TRADING_CONTROLS", "RISK_POLICY", "RETURN_HISTORY", "MODELS").contains(c.getName())) {
                assertThat(c.getCacheMode()).as(c.getName()).isEqualTo(CacheMode.REPLICATED);
            } else {
                assertThat(c.getCacheMode()).as(c.getName()).isEqualTo(CacheMode.PARTITIONED);
                assertThat(c.getBackups()).as(c.getName()).isEqualTo(1);
            }
        }
    }

    private static java.util.Collection<String> columns(CacheConfiguration<?, ?> c) {
        QueryEntity e = c.getQueryEntities().iterator().next();
        return e.getFields().keySet().stream().map(f -> e.getAliases().getOrDefault(f, f)).toList();
    }
}
