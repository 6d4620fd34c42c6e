package io.riskgrid.api.alert;

import io.riskgrid.api.request.Page;
import io.riskgrid.api.request.TimeRange;
import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.breach.alert.AlertChange;
import io.riskgrid.breach.alert.AlertDesk;
import io.riskgrid.core.alert.AlertStatus;
import io.riskgrid.core.alert.Severity;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads alerts with SQL over ALERTS (indexed on STATUS) and acknowledges them through the grid's
 * {@link AlertDesk}. Every method blocks on the grid: call it through
 * {@link io.riskgrid.api.grid.GridCalls}.
 * <p>
 * This class is thread-safe.
 */
@Component
public class AlertBook {

    /** The open statuses, listed so that the query can use the index on STATUS. */
    private static final String OPEN = "STATUS IN ('" + AlertStatus.ACTIVE + "', '" + AlertStatus.ACKNOWLEDGED + "', '"
            + AlertStatus.ESCALATED + "')";
    /** Most severe first: the rank is a selected column so that every node sorts by the same value. */
    private static final String SEVERITY_RANK = "CASE SEVERITY WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 "
            + "WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END";

    private final Ignite ignite;
    private final AlertDesk desk;

    public AlertBook(Ignite ignite) {
        this.ignite = ignite;
        this.desk = new AlertDesk(ignite);
    }

    /** Open alerts, of one account and one severity when given: most severe first, then newest. */
    public List<AlertView> active(String accountId, Severity severity, Page page) {
        StringBuilder sql = new StringBuilder("SELECT _KEY, _VAL, ").append(SEVERITY_RANK)
                .append(" AS RANK FROM ALERTS WHERE ").append(OPEN);
        List<Object> args = new ArrayList<>();
        if (accountId != null) {
            sql.append(" AND ACCOUNT_ID = ?");
            args.add(accountId);
        }
        if (severity != null) {
            sql.append(" AND SEVERITY = ?");
            args.add(severity.name());
        }
        sql.append(" ORDER BY RANK, CREATED_AT DESC, ALERT_ID LIMIT ? OFFSET ?");
        return query(sql, args, page);
    }

    /** Alerts of every status, resolved ones included, created in {@code range}: newest first. */
    public List<AlertView> history(String accountId, TimeRange range, Page page) {
        StringBuilder sql = new StringBuilder("SELECT _KEY, _VAL FROM ALERTS WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (accountId != null) {
            sql.append(" AND ACCOUNT_ID = ?");
            args.add(accountId);
        }
        if (range.from() != null) {
            sql.append(" AND CREATED_AT >= ?");
            args.add(range.from());
        }
        if (range.to() != null) {
            sql.append(" AND CREATED_AT <= ?");
            args.add(range.to());
        }
        sql.append(" ORDER BY CREATED_AT DESC, ALERT_ID DESC LIMIT ? OFFSET ?");
        return query(sql, args, page);
    }

    /**
     * Acknowledges an alert and audits it as ALERT_ACKNOWLEDGED by {@code actor}.
     *
     * @return the outcome, with the alert as it is afterwards when it was acknowledged
     * @throws NotFoundException if there is no such alert
     */
    public Acknowledgement acknowledge(String alertId, String actor, String comment, long now) {
        AlertChange.Outcome outcome = desk.acknowledge(alertId, actor, comment, now);
        if (outcome == AlertChange.Outcome.NOT_FOUND) {
            throw new NotFoundException("alert '" + alertId + "' not found");
        }
        AlertKey key = AlertKey.ofAlertId(alertId);
        AlertRow row = desk.get(alertId);
        return new Acknowledgement(outcome, row == null ? null : AlertMapping.toView(key, row));
    }

    /**
     * What acknowledging did: ACKNOWLEDGED, or NOT_OPEN for an alert that is already resolved.
     *
     * @param outcome the grid's outcome
     * @param alert   the alert after the call
     */
    public record Acknowledgement(AlertChange.Outcome outcome, AlertView alert) {
    }

    private List<AlertView> query(StringBuilder sql, List<Object> args, Page page) {
        args.add(page.limit());
        args.add(page.offset());
        SqlFieldsQuery q = new SqlFieldsQuery(sql.toString()).setArgs(args.toArray()).setSchema(GridTables.SCHEMA);
        List<AlertView> out = new ArrayList<>();
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.ALERTS).query(q)) {
            for (List<?> row : cursor) {
                out.add(AlertMapping.toView((AlertKey) row.get(0), (AlertRow) row.get(1)));
            }
        }
        return out;
    }
}
