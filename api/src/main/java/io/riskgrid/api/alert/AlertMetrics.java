package io.riskgrid.api.alert;

import io.riskgrid.api.grid.GridFeedLifecycle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.riskgrid.breach.alert.AlertEvent;
import io.riskgrid.breach.alert.AlertFeed;
import io.riskgrid.core.alert.AlertStatus;
import io.riskgrid.core.alert.Severity;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Alert metrics for Prometheus, counted from the grid's {@link AlertFeed}, which this bean opens
 * when the application starts (before the demo simulator and the web server) and closes when it
 * stops (after them, and before the grid node closes):
 * <ul>
 *   <li>{@code riskgrid.alerts.raised{severity, metric}}: alerts raised;</li>
 *   <li>{@code riskgrid.alerts.escalated{severity, metric, kind}}: alerts that became more serious,
 *       {@code kind=severity} when their severity rose, {@code kind=unacknowledged} when they were
 *       escalated for being left unacknowledged;</li>
 *   <li>{@code riskgrid.alerts.resolved{metric}}: alerts resolved;</li>
 *   <li>{@code riskgrid.alerts.acknowledged{severity}}: alerts acknowledged;</li>
 *   <li>{@code riskgrid.alerts.active{severity}}: a gauge of the open alerts of each severity, from a
 *       SQL count over the cluster that is run at most once a second however often it is scraped.</li>
 * </ul>
 * The counters count the changes this API sees while it runs; they start at 0 with each API process,
 * as Prometheus counters do. Tags are of low cardinality: never an account, limit or alert id.
 * <p>
 * This class is thread-safe.
 */
@Component
public class AlertMetrics extends GridFeedLifecycle {

    /** The gauge's SQL count is reused for this long. */
    private static final long ACTIVE_REFRESH_NANOS = 1_000_000_000L;
    private static final String ACTIVE_BY_SEVERITY = "SELECT SEVERITY, COUNT(*) FROM ALERTS WHERE STATUS IN ('"
            + AlertStatus.ACTIVE + "', '" + AlertStatus.ACKNOWLEDGED + "', '" + AlertStatus.ESCALATED + "') GROUP BY SEVERITY";
    private static final String UNKNOWN = "unknown";

    private final Ignite ignite;
    private final MeterRegistry registry;

    private final Object activeLock = new Object();
    private Map<Severity, Long> activeCounts = new EnumMap<>(Severity.class);
    private long activeReadAt;
    private boolean activeRead;

    public AlertMetrics(Ignite ignite, MeterRegistry registry) {
        this.ignite = ignite;
        this.registry = registry;
        for (Severity s : Severity.values()) {
            Gauge.builder("riskgrid.alerts.active", this, m -> m.active(s))
                    .description("Open alerts (every status but RESOLVED) across the cluster")
                    .tag("severity", s.name())
                    .register(registry);
        }
    }

    @Override
    protected AutoCloseable open() {
        return AlertFeed.open(ignite, this::count);
    }

    /** Counts one alert change; runs in the grid's callback pool. */
    void count(AlertEvent e) {
        String metric = e.metric() == null ? UNKNOWN : e.metric();
        String severity = e.severity() == null ? UNKNOWN : e.severity();
        switch (e.kind()) {
            case RAISED -> Counter.builder("riskgrid.alerts.raised")
                    .description("Alerts raised")
                    .tag("severity", severity).tag("metric", metric)
                    .register(registry).increment();
            case SEVERITY_UP -> escalated(severity, metric, "severity");
            case ESCALATED -> escalated(severity, metric, "unacknowledged");
            case RESOLVED -> Counter.builder("riskgrid.alerts.resolved")
                    .description("Alerts resolved")
                    .tag("metric", metric)
                    .register(registry).increment();
            case ACKNOWLEDGED -> Counter.builder("riskgrid.alerts.acknowledged")
                    .description("Alerts acknowledged")
                    .tag("severity", severity)
                    .register(registry).increment();
            default -> {
                // SEVERITY_DOWN and REOPENED change no counter.
            }
        }
    }

    private void escalated(String severity, String metric, String kind) {
        Counter.builder("riskgrid.alerts.escalated")
                .description("Alerts that became more serious: a higher severity, or escalated for being unacknowledged")
                .tag("severity", severity).tag("metric", metric).tag("kind", kind)
                .register(registry).increment();
    }

    /** The open alerts of a severity, from a count at most a second old; NaN when the grid cannot say. */
    private double active(Severity severity) {
        synchronized (activeLock) {
            long now = System.nanoTime();
            if (!activeRead || now - activeReadAt >= ACTIVE_REFRESH_NANOS) {
                activeReadAt = now;
                try {
                    activeCounts = readActive();
                    activeRead = true;
                } catch (RuntimeException e) {
                    // A node that is stopping or has lost its cluster has no count to report.
                    activeRead = false;
                    return Double.NaN;
                }
            }
            return activeCounts.getOrDefault(severity, 0L);
        }
    }

    private Map<Severity, Long> readActive() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        SqlFieldsQuery q = new SqlFieldsQuery(ACTIVE_BY_SEVERITY).setSchema(GridTables.SCHEMA);
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.ALERTS).query(q)) {
            for (List<?> row : cursor) {
                Object severity = row.get(0);
                if (severity != null) {
                    try {
                        counts.put(Severity.valueOf((String) severity), ((Number) row.get(1)).longValue());
                    } catch (IllegalArgumentException ignored) {
                        // A severity this API does not know is left out rather than mislabelled.
                    }
                }
            }
        }
        return counts;
    }
}
