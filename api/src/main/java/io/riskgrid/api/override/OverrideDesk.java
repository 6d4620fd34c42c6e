package io.riskgrid.api.override;

import io.riskgrid.api.request.Page;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.compute.control.AccountControlJob;
import io.riskgrid.compute.control.ControlResult;
import io.riskgrid.compute.control.OverrideJob;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.OverrideKey;
import io.riskgrid.grid.schema.OverrideRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets overrides through {@link OverrideJob} on the account's primary node (which writes OVERRIDES,
 * applies the override to the limit or the trading state, recomputes the account and audits it as
 * LIMIT_OVERRIDE or STATE_OVERRIDE, all in one transaction) and lists them. Every method blocks on
 * the grid: call it through {@link io.riskgrid.api.grid.GridCalls}.
 * <p>
 * This class is thread-safe.
 */
@Component
public class OverrideDesk {

    private final Ignite ignite;

    public OverrideDesk(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * Overrides a limit's max value ({@code limitId} and {@code value}) or the account's trading state
     * ({@code state}) until {@code expiresAt}.
     *
     * @throws NotFoundException if the account, or the limit of the account, does not exist
     */
    public OverrideView create(String overrideId, String accountId, String limitId, Double value, TradingState state,
                               long expiresAt, String actor, String reason, long now) {
        if (!ignite.cache(GridTables.ACCOUNTS).containsKey(accountId)) {
            throw NotFoundException.account(accountId);
        }
        OverrideJob job = limitId != null
                ? OverrideJob.limit(accountId, overrideId, limitId, value, expiresAt, actor, reason, now)
                : OverrideJob.state(accountId, overrideId, state, expiresAt, actor, reason, now);
        ControlResult r = AccountControlJob.run(ignite, job);
        if (!r.ok()) {
            if (r.notFound) {
                throw limitId != null ? new NotFoundException("limit '" + limitId + "' of account '" + accountId
                        + "' not found") : NotFoundException.account(accountId);
            }
            throw InvalidInputException.of("expiresAt", r.problem);
        }
        OverrideKey key = new OverrideKey(accountId, overrideId);
        OverrideRow row = ignite.<OverrideKey, OverrideRow>cache(GridTables.OVERRIDES).get(key);
        return OverrideMapping.toView(key, row);
    }

    /** Overrides, of one account and one status when given, newest first. */
    public List<OverrideView> list(String accountId, String status, Page page) {
        StringBuilder sql = new StringBuilder("SELECT _KEY, _VAL FROM OVERRIDES WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (accountId != null) {
            sql.append(" AND ACCOUNT_ID = ?");
            args.add(accountId);
        }
        if (status != null) {
            sql.append(" AND STATUS = ?");
            args.add(status);
        }
        sql.append(" ORDER BY CREATED_AT DESC, OVERRIDE_ID DESC LIMIT ? OFFSET ?");
        args.add(page.limit());
        args.add(page.offset());
        SqlFieldsQuery q = new SqlFieldsQuery(sql.toString()).setArgs(args.toArray()).setSchema(GridTables.SCHEMA);
        List<OverrideView> out = new ArrayList<>();
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.OVERRIDES).query(q)) {
            for (List<?> row : cursor) {
                out.add(OverrideMapping.toView((OverrideKey) row.get(0), (OverrideRow) row.get(1)));
            }
        }
        return out;
    }
}
