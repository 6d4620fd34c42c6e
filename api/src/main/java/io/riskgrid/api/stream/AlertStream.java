package io.riskgrid.api.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskgrid.api.alert.AlertMapping;
import io.riskgrid.api.alert.AlertView;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.api.grid.GridFeedLifecycle;
import io.riskgrid.breach.alert.AlertEvent;
import io.riskgrid.breach.alert.AlertFeed;
import io.riskgrid.core.alert.Severity;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * The source of {@code /api/v1/stream/alerts}: one continuous query on ALERTS (through
 * {@link AlertFeed}, which passes only changes of status or severity) for the whole API, fanned out
 * to the connected clients. Event {@code alert}: an {@link AlertStreamEvent}, id = the alert's
 * {@code updatedAt}. A client that reads slowly receives each alert's latest state (an alert is
 * never dropped for another's sake until its buffer holds {@code riskgrid.stream.max-keys-per-client}
 * alerts).
 * <p>
 * This class is thread-safe.
 */
@Component
public class AlertStream extends GridFeedLifecycle {

    private static final String SINCE = "SELECT _KEY, _VAL FROM ALERTS WHERE UPDATED_AT >= ?";
    private static final String OPEN = "SELECT _KEY, _VAL FROM ALERTS WHERE STATUS <> 'RESOLVED'";

    private final Ignite ignite;
    private final GridCalls grid;
    private final StreamProperties settings;
    private final StreamHub hub;

    public AlertStream(Ignite ignite, GridCalls grid, StreamProperties settings, MeterRegistry registry) {
        this.ignite = ignite;
        this.grid = grid;
        this.settings = settings;
        this.hub = new StreamHub(new StreamMetrics(registry, "alerts"), settings.maxKeysPerClient());
    }

    /** Where a client starts: now, after an event id, or with every open alert. */
    public sealed interface Start {
        /** Changes from now on. */
        record Live() implements Start {
        }

        /** Also the current state of every alert changed at or after this epoch millisecond (less the resume slack). */
        record After(long eventId) implements Start {
        }

        /** Also the current state of every alert that is not resolved. */
        record OpenAlerts() implements Start {
        }
    }

    /**
     * The events for one client.
     *
     * @param accountId   only this account's alerts; null for all
     * @param minSeverity only alerts at or above this severity, and those that just fell below it;
     *                    null for all
     */
    public Flux<ServerSentEvent<Object>> events(String accountId, Severity minSeverity, Start start) {
        return Flux.defer(() -> {
            StreamHub.Client client = hub.register(p -> p instanceof AlertStreamEvent e
                    && wanted(e, accountId, minSeverity), 0);
            Mono<Void> replay = start instanceof Start.Live ? Mono.empty() : grid.call(() -> {
                for (AlertStreamEvent e : current(start, accountId)) {
                    if (wanted(e, accountId, minSeverity)) {
                        client.offer(e.alert().alertId(), e.alert().updatedAt(), event(e));
                    }
                }
                return Boolean.TRUE;
            }).then();
            return Flux.concat(Flux.just(Heartbeat.<Object>connected()), replay.thenMany(hub.frames(client)))
                    .doFinally(s -> hub.remove(client));
        });
    }

    static boolean wanted(AlertStreamEvent e, String accountId, Severity minSeverity) {
        if (accountId != null && !accountId.equals(e.alert().accountId())) {
            return false;
        }
        return minSeverity == null || atLeast(e.alert().severity(), minSeverity)
                || atLeast(e.previousSeverity(), minSeverity);
    }

    private static boolean atLeast(String severity, Severity min) {
        if (severity == null) {
            return false;
        }
        try {
            return Severity.valueOf(severity).compareTo(min) >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<AlertStreamEvent> current(Start start, String accountId) {
        String sql = start instanceof Start.After ? SINCE : OPEN;
        List<Object> args = new ArrayList<>();
        if (start instanceof Start.After after) {
            args.add(after.eventId() - settings.resumeSlack().toMillis());
        }
        if (accountId != null) {
            sql += " AND ACCOUNT_ID = ?";
            args.add(accountId);
        }
        sql += " ORDER BY UPDATED_AT";
        SqlFieldsQuery q = new SqlFieldsQuery(sql).setArgs(args.toArray()).setSchema(GridTables.SCHEMA);
        List<AlertStreamEvent> out = new ArrayList<>();
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.ALERTS).query(q)) {
            for (List<?> row : cursor) {
                AlertView view = AlertMapping.toView((AlertKey) row.get(0), (AlertRow) row.get(1));
                out.add(new AlertStreamEvent(AlertStreamEvent.CURRENT, null, null, view));
            }
        }
        return out;
    }

    /** One alert change, from the grid's callback pool. */
    void onChange(AlertEvent change, AlertRow row) {
        if (hub.size() == 0) {
            return;
        }
        AlertView view = AlertMapping.toView(new AlertKey(change.accountId(), change.alertId()), row);
        AlertStreamEvent e = new AlertStreamEvent(change.kind().name(), change.previousSeverity(),
                change.previousStatus(), view);
        hub.publish(view.alertId(), view.updatedAt(), e, event(e));
    }

    private static ServerSentEvent<Object> event(AlertStreamEvent e) {
        return ServerSentEvent.<Object>builder(e).event("alert").id(Long.toString(e.alert().updatedAt())).build();
    }

    @Override
    protected AutoCloseable open() {
        AlertFeed feed = AlertFeed.open(ignite, this::onChange);
        return () -> {
            hub.completeAll();
            feed.close();
        };
    }
}
