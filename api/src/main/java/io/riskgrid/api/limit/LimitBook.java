package io.riskgrid.api.limit;

import io.riskgrid.api.request.Page;
import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.compute.control.AccountControlJob;
import io.riskgrid.compute.control.ControlResult;
import io.riskgrid.compute.control.PutLimitsJob;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.LimitRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and sets the limits of accounts. Limits are set through {@link PutLimitsJob} on each
 * account's primary node, which recomputes the account's utilizations and breaches and audits every
 * limit as LIMIT_SET in the same transaction. Every method blocks on the grid: call it through
 * {@link io.riskgrid.api.grid.GridCalls}.
 * <p>
 * This class is thread-safe.
 */
@Component
public class LimitBook {

    private final Ignite ignite;

    public LimitBook(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * Limits in (account, limit id) order, of one account when {@code accountId} is given.
     *
     * @throws NotFoundException if {@code accountId} is not an account
     */
    public List<LimitView> list(String accountId, Page page, long now) {
        if (accountId != null && !ignite.cache(GridTables.ACCOUNTS).containsKey(accountId)) {
            throw NotFoundException.account(accountId);
        }
        String sql = "SELECT _KEY, _VAL FROM LIMITS" + (accountId == null ? "" : " WHERE ACCOUNT_ID = ?")
                + " ORDER BY ACCOUNT_ID, LIMIT_ID LIMIT ? OFFSET ?";
        Object[] args = accountId == null ? new Object[]{page.limit(), page.offset()}
                : new Object[]{accountId, page.limit(), page.offset()};
        Map<LimitKey, LimitRow> rows = new LinkedHashMap<>();
        SqlFieldsQuery q = new SqlFieldsQuery(sql).setArgs(args).setSchema(GridTables.SCHEMA);
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.LIMITS).query(q)) {
            for (List<?> row : cursor) {
                rows.put((LimitKey) row.get(0), (LimitRow) row.get(1));
            }
        }
        return views(rows, now);
    }

    /**
     * Sets the limits of a request after checking all of it: every field of every entry and that
     * every account exists. Any problem rejects the whole request before anything is written, with
     * every problem found. Then each account's limits are set in one step on its primary node.
     *
     * @return the limits as stored, in the order of the request
     * @throws InvalidInputException naming every problem of the request
     */
    public List<LimitView> put(LimitMapping.LimitsRequest request, String actor, String reason, long now) {
        List<InputProblem> early = request.bodyProblems();
        if (!early.isEmpty()) {
            throw new InvalidInputException(early);
        }
        Set<String> named = new TreeSet<>();
        request.accountIds().forEach(id -> {
            if (id != null) {
                named.add(id);
            }
        });
        // A sorted key set: Ignite asks for one in bulk operations on transactional caches.
        Set<String> known = ignite.<String, Object>cache(GridTables.ACCOUNTS).getAll(named).keySet();
        for (int i = 0; i < request.accountIds().size(); i++) {
            String id = request.accountIds().get(i);
            if (id != null && !known.contains(id)) {
                String field = request.field(i, "accountId");
                request.problems().get(i).add(new InputProblem(field, field + ": unknown account '" + id + "'"));
            }
        }
        List<InputProblem> problems = request.allProblems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        Map<String, List<AccountLimit>> byAccount = new LinkedHashMap<>();
        Map<String, Integer> firstEntry = new LinkedHashMap<>();
        List<AccountLimit> entries = request.entries();
        for (int i = 0; i < entries.size(); i++) {
            AccountLimit l = entries.get(i);
            byAccount.computeIfAbsent(l.accountId(), a -> new ArrayList<>()).add(l);
            firstEntry.putIfAbsent(l.accountId(), i);
        }
        for (Map.Entry<String, List<AccountLimit>> e : byAccount.entrySet()) {
            ControlResult r = AccountControlJob.run(ignite, PutLimitsJob.of(e.getKey(), e.getValue(), false, actor,
                    reason, now));
            if (!r.ok()) {
                // Only an account removed since the check above gets here.
                String field = request.field(firstEntry.get(e.getKey()), "accountId");
                throw InvalidInputException.of(field, field + ": " + r.problem);
            }
        }

        Set<LimitKey> keys = new TreeSet<>();
        entries.forEach(l -> keys.add(new LimitKey(l.accountId(), l.limitId())));
        Map<LimitKey, LimitRow> stored = ignite.<LimitKey, LimitRow>cache(GridTables.LIMITS).getAll(keys);
        Map<LimitKey, LimitRow> ordered = new LinkedHashMap<>();
        entries.forEach(l -> {
            LimitKey key = new LimitKey(l.accountId(), l.limitId());
            LimitRow row = stored.get(key);
            if (row != null) {
                ordered.put(key, row);
            }
        });
        return views(ordered, now);
    }

    /** Views of limit rows, with the current values of their accounts' risk rows. */
    private List<LimitView> views(Map<LimitKey, LimitRow> rows, long now) {
        Set<String> accounts = new TreeSet<>();
        rows.keySet().forEach(k -> accounts.add(k.accountId()));
        Map<String, AccountRiskRow> risk = ignite.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).getAll(accounts);
        List<LimitView> out = new ArrayList<>(rows.size());
        rows.forEach((k, v) -> out.add(LimitMapping.toView(k, v, risk.get(k.accountId()), now)));
        return out;
    }
}
