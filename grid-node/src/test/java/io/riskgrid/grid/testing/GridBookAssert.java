package io.riskgrid.grid.testing;

import io.riskgrid.core.position.Fill;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Checks of what the grid holds after a cluster event, read through SQL as a service would: the
 * fill log holds every fill sent exactly once, and positions and risk rows equal an
 * {@link ExpectedBook} computed in the test and the grid's own fill log.
 */
public final class GridBookAssert {

    private GridBookAssert() {
    }

    /** The fill log of the accounts whose id starts with {@code prefix} holds exactly {@code sent}, each once. */
    public static void fillLogHoldsExactly(Ignite ignite, String prefix, Collection<Fill> sent) {
        List<List<?>> logged = ignite.cache(GridTables.FILLS).query(new SqlFieldsQuery(
                "SELECT FILL_ID FROM FILLS WHERE ACCOUNT_ID LIKE ?").setArgs(prefix + "%")).getAll();
        Set<String> ids = new HashSet<>();
        logged.forEach(r -> ids.add((String) r.get(0)));
        assertThat(logged).as("fill log rows").hasSize(sent.size());
        assertThat(ids).as("fill ids in the log").isEqualTo(sent.stream().map(Fill::fillId).collect(Collectors.toSet()));
    }

    /**
     * Every position of the accounts whose id starts with {@code prefix} equals the expected book
     * (quantity and realized P&L) and the net quantity summed from the fill log; every account's
     * risk row carries the realized P&L of its positions.
     */
    public static void positionsMatch(Ignite ignite, String prefix, ExpectedBook expected) {
        Map<String, Double> fromLog = new HashMap<>();
        ignite.cache(GridTables.FILLS).query(new SqlFieldsQuery("SELECT ACCOUNT_ID, INSTRUMENT_ID,"
                        + " SUM(CASE WHEN SIDE = 'BUY' THEN QUANTITY ELSE -QUANTITY END) FROM FILLS"
                        + " WHERE ACCOUNT_ID LIKE ? GROUP BY ACCOUNT_ID, INSTRUMENT_ID").setArgs(prefix + "%")).getAll()
                .forEach(r -> fromLog.put(ExpectedBook.key((String) r.get(0), (String) r.get(1)),
                        ((Number) r.get(2)).doubleValue()));
        Map<String, double[]> positions = new HashMap<>();
        ignite.cache(GridTables.POSITIONS).query(new SqlFieldsQuery("SELECT ACCOUNT_ID, INSTRUMENT_ID, QUANTITY,"
                        + " REALIZED_PNL FROM POSITIONS WHERE ACCOUNT_ID LIKE ?").setArgs(prefix + "%")).getAll()
                .forEach(r -> positions.put(ExpectedBook.key((String) r.get(0), (String) r.get(1)),
                        new double[]{((Number) r.get(2)).doubleValue(), ((Number) r.get(3)).doubleValue()}));
        assertThat(positions.keySet()).as("positions").isEqualTo(expected.positions().keySet());
        Set<String> accounts = new HashSet<>();
        for (Map.Entry<String, ExpectedBook.Position> e : expected.positions().entrySet()) {
            double[] p = positions.get(e.getKey());
            assertThat(p[0]).as("quantity of " + e.getKey()).isCloseTo(e.getValue().quantity, within(1e-9));
            assertThat(p[0]).as("quantity of " + e.getKey() + " from the fill log")
                    .isCloseTo(fromLog.get(e.getKey()), within(1e-9));
            assertThat(p[1]).as("realized P&L of " + e.getKey()).isCloseTo(e.getValue().realizedPnl, within(1e-6));
            accounts.add(e.getKey().substring(0, e.getKey().indexOf('|')));
        }
        Map<String, AccountRiskRow> risk = ignite.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).getAll(accounts);
        for (String id : accounts) {
            assertThat(risk.get(id)).as("risk row of " + id).isNotNull();
            assertThat(risk.get(id).realizedPnl).as("realized P&L of " + id).isCloseTo(expected.realizedPnl(id), within(1e-6));
        }
    }
}
