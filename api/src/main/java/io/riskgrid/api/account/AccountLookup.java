package io.riskgrid.api.account;

import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AccountRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads accounts, their risk and their positions from the grid. Every method blocks on the grid:
 * call it through {@link io.riskgrid.api.grid.GridCalls}.
 * <p>
 * This class is thread-safe.
 */
@Component
public class AccountLookup {

    private static final String LIST_ACCOUNTS = "SELECT ACCOUNT_ID, NAME, BASE_CURRENCY, INITIAL_EQUITY, STRATEGY "
            + "FROM ACCOUNTS ORDER BY ACCOUNT_ID LIMIT ? OFFSET ?";

    private final Ignite ignite;

    public AccountLookup(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * Accounts in id order, {@code limit} of them from {@code offset}, with the trading state of
     * their risk rows. The page comes from SQL and the states by key: ACCOUNTS and ACCOUNT_RISK are
     * co-located, but Ignite's SQL cannot see that through their plain string keys and would warn
     * about (and, on several nodes, mis-plan) a join.
     */
    public List<AccountSummary> accounts(int limit, int offset) {
        SqlFieldsQuery q = new SqlFieldsQuery(LIST_ACCOUNTS).setArgs(limit, offset).setSchema(GridTables.SCHEMA);
        List<List<?>> rows;
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.ACCOUNTS).query(q)) {
            rows = cursor.getAll();
        }
        // A sorted key set: Ignite asks for one on transactional caches so that locks are taken in order.
        Set<String> ids = new TreeSet<>();
        rows.forEach(row -> ids.add((String) row.get(0)));
        Map<String, AccountRiskRow> risk = ignite.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).getAll(ids);
        List<AccountSummary> out = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            out.add(AccountMapping.toSummary(row, risk.get((String) row.get(0))));
        }
        return out;
    }

    /** The risk of an account; an account that has not traded yet is flat at its initial equity. */
    public AccountRiskSnapshot risk(String accountId) {
        return AccountMapping.toSnapshot(accountId, riskRow(accountId));
    }

    /** The positions of an account in instrument order, closed ones included. */
    public List<PositionView> positions(String accountId) {
        AccountRiskRow risk = riskRow(accountId);
        Set<PositionKey> keys = new LinkedHashSet<>();
        if (risk.instrumentIds != null) {
            Arrays.stream(risk.instrumentIds).forEach(i -> keys.add(new PositionKey(accountId, i)));
        }
        IgniteCache<PositionKey, PositionRow> positions = ignite.cache(GridTables.POSITIONS);
        Map<PositionKey, PositionRow> rows = positions.getAll(keys);
        List<PositionView> out = new ArrayList<>(rows.size());
        rows.forEach((k, v) -> out.add(AccountMapping.toView(k, v)));
        out.sort(Comparator.comparing(PositionView::instrumentId));
        return out;
    }

    private AccountRiskRow riskRow(String accountId) {
        AccountRiskRow risk = ignite.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).get(accountId);
        if (risk != null) {
            return risk;
        }
        AccountRow account = ignite.<String, AccountRow>cache(GridTables.ACCOUNTS).get(accountId);
        if (account == null) {
            throw NotFoundException.account(accountId);
        }
        return AccountBook.initialRisk(account.initialEquity, System.currentTimeMillis());
    }
}
