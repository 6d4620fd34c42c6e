package io.riskgrid.api.testing;

import io.riskgrid.core.account.Account;
import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;
import java.util.Map;

/**
 * Wiring between a test's {@link LocalGridCluster} and the API under test: the API's embedded node
 * is the cluster's next node (its own block of ports and work directory), so test classes never
 * see each other's grids.
 */
public final class ApiTestGrid {

    private ApiTestGrid() {
    }

    /** Points {@code riskgrid.grid.*} at the next node of {@code cluster}, with the demo off unless told otherwise. */
    public static GridConfig register(DynamicPropertyRegistry registry, LocalGridCluster cluster) {
        GridConfig cfg = cluster.nextConfig();
        registry.add("riskgrid.grid.mode", () -> "embedded");
        // A test's context closes as soon as its class is done: a graceful shutdown would wait up to 30 s
        // for the test client's idle keep-alive connections, which never finish on their own.
        registry.add("server.shutdown", () -> "immediate");
        registry.add("riskgrid.grid.instance-name", cfg::instanceName);
        registry.add("riskgrid.grid.discovery", () -> String.join(",", cfg.discoveryAddresses()));
        registry.add("riskgrid.grid.discovery-port", cfg::discoveryPort);
        registry.add("riskgrid.grid.comm-port", cfg::commPort);
        registry.add("riskgrid.grid.thin-port", cfg::thinPort);
        registry.add("riskgrid.grid.work-dir", () -> cfg.workDir().toString());
        registry.add("riskgrid.grid.data-region-mb", cfg::dataRegionMb);
        return cfg;
    }

    /** A new account with 1,000,000 USD of equity, so a test has a book of its own. */
    public static void newAccount(Ignite ignite, String accountId) {
        new ReferenceDataWriter(ignite).upsertAccounts(List.of(new Account(accountId, accountId, "USD", 1_000_000, "TEST")));
    }

    /** A single number from SQL over the grid, e.g. {@code SELECT COUNT(*) FROM LIMITS}. */
    public static long sqlCount(Ignite ignite, String sql) {
        SqlFieldsQuery q = new SqlFieldsQuery(sql).setSchema(GridTables.SCHEMA);
        return ((Number) ignite.cache(GridTables.ACCOUNTS).query(q).getAll().get(0).get(0)).longValue();
    }

    /** A fill as JSON would carry it, stamped at epoch millisecond 1000. */
    public static Map<String, Object> fill(String fillId, String accountId, String instrumentId, String side,
                                           double quantity, double price) {
        return Map.of("fillId", fillId, "accountId", accountId, "instrumentId", instrumentId, "side", side,
                "quantity", quantity, "price", price, "timestamp", 1000L);
    }

    /** A price as JSON would carry it. */
    public static Map<String, Object> price(String instrumentId, double price, long timestamp) {
        return Map.of("instrumentId", instrumentId, "price", price, "timestamp", timestamp);
    }
}
