package io.riskgrid.api.audit;

import io.riskgrid.api.request.Page;
import io.riskgrid.api.request.TimeRange;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads AUDIT_LOG with SQL (indexed on TS and ACCOUNT_ID), newest first. Every method blocks on the
 * grid: call it through {@link io.riskgrid.api.grid.GridCalls}.
 * <p>
 * This class is thread-safe.
 */
@Component
public class AuditLog {

    /** BEFORE and AFTER are quoted: they are words of SQL, if not reserved ones in the grid's engine. */
    private static final String COLUMNS = "SELECT EVENT_ID, TS, ACTOR, ACTION, ACCOUNT_ID, \"BEFORE\", \"AFTER\", REASON, "
            + "TRIGGER_VALUE, DETAILS FROM AUDIT_LOG";

    private final Ignite ignite;

    public AuditLog(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * Entries in {@code range}, of {@code accountId} and {@code action} when given, newest first (ties
     * in time by event id, which orders the actions of one millisecond as they were written).
     */
    public List<AuditEntry> entries(TimeRange range, String accountId, String action, Page page) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (range.from() != null) {
            sql.append(" AND TS >= ?");
            args.add(range.from());
        }
        if (range.to() != null) {
            sql.append(" AND TS <= ?");
            args.add(range.to());
        }
        if (accountId != null) {
            sql.append(" AND ACCOUNT_ID = ?");
            args.add(accountId);
        }
        if (action != null) {
            sql.append(" AND ACTION = ?");
            args.add(action);
        }
        sql.append(" ORDER BY TS DESC, EVENT_ID DESC LIMIT ? OFFSET ?");
        args.add(page.limit());
        args.add(page.offset());
        SqlFieldsQuery q = new SqlFieldsQuery(sql.toString()).setArgs(args.toArray()).setSchema(GridTables.SCHEMA);
        List<AuditEntry> out = new ArrayList<>();
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.AUDIT_LOG).query(q)) {
            for (List<?> row : cursor) {
                out.add(toEntry(row));
            }
        }
        return out;
    }

    /** An entry of a row of {@link #COLUMNS}. */
    private static AuditEntry toEntry(List<?> row) {
        Object trigger = row.get(8);
        return new AuditEntry((String) row.get(0), ((Number) row.get(1)).longValue(), (String) row.get(2),
                (String) row.get(3), (String) row.get(4), (String) row.get(5), (String) row.get(6), (String) row.get(7),
                trigger == null || !Double.isFinite(((Number) trigger).doubleValue()) ? null : ((Number) trigger).doubleValue(),
                (String) row.get(9));
    }
}
