package io.riskgrid.api.risk;

import io.riskgrid.core.account.TradingState;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.compute.control.FirmControls;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Firm-wide risk from SQL over ACCOUNT_RISK: totals and the accounts with the highest risk score.
 * Blocks on the grid: call it through {@link io.riskgrid.api.grid.GridCalls}.
 * <p>
 * This class is thread-safe.
 */
@Component
public class FirmRisk {

    /** How many accounts {@link RiskStatus#worstAccounts()} lists. */
    public static final int WORST = 5;

    private static final String TOTALS = "SELECT COUNT(*), SUM(EQUITY), SUM(PNL_TOTAL), SUM(GROSS_EXPOSURE), "
            + "SUM(NET_EXPOSURE) FROM ACCOUNT_RISK";
    private static final String WORST_ACCOUNTS = "SELECT ACCOUNT_ID, RISK_SCORE, DRAWDOWN, LEVERAGE FROM ACCOUNT_RISK "
            + "ORDER BY RISK_SCORE DESC, ACCOUNT_ID LIMIT " + WORST;

    private final Ignite ignite;

    public FirmRisk(Ignite ignite) {
        this.ignite = ignite;
    }

    public RiskStatus status() {
        List<?> totals = query(TOTALS).get(0);
        List<WorstAccount> worst = new ArrayList<>();
        for (List<?> row : query(WORST_ACCOUNTS)) {
            worst.add(new WorstAccount((String) row.get(0), number(row.get(1)), number(row.get(2)), number(row.get(3))));
        }
        // The firm's own state: the kill switch and the circuit breakers set it (see EmergencyDesk).
        String state = new FirmControls(ignite).read().state;
        return new RiskStatus((long) number(totals.get(0)), number(totals.get(1)), number(totals.get(2)),
                number(totals.get(3)), number(totals.get(4)), state, worst);
    }

    private List<List<?>> query(String sql) {
        SqlFieldsQuery q = new SqlFieldsQuery(sql).setSchema(GridTables.SCHEMA);
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.ACCOUNT_RISK).query(q)) {
            return cursor.getAll();
        }
    }

    /** SQL sums over no rows are NULL: the firm total of nothing is 0. */
    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
