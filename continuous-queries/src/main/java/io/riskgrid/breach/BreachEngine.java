package io.riskgrid.breach;

import io.riskgrid.breach.alert.AlertChange;
import io.riskgrid.breach.alert.AlertWriter;
import io.riskgrid.breach.alert.AnomalyAlerts;
import io.riskgrid.compute.control.AccountControlJob;
import io.riskgrid.compute.control.ExpireOverridesJob;
import io.riskgrid.compute.control.FirmControls;
import io.riskgrid.compute.control.PolicyStore;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.BreakerTrip;
import io.riskgrid.core.control.CircuitBreakers;
import io.riskgrid.core.control.FirmBreakerMonitor;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;

import javax.cache.Cache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The breach engine of one server node: it watches the accounts this node is primary for and keeps
 * their alerts, escalations, override expiries and (on one node) the firm-wide circuit breakers up
 * to date.
 * <ul>
 *   <li>A <b>continuous query</b> on ACCOUNT_RISK, local to this node, whose remote filter
 *       ({@link BreachFilter}) raises, updates and resolves alerts the moment a fill or a price
 *       changes an account's risk.</li>
 *   <li>A <b>refresh tick</b> (default every {@value #DEFAULT_TICK_MS} ms) that escalates alerts left
 *       unacknowledged too long, records overrides that have ended, runs the firm-wide circuit
 *       breakers on the oldest server node, and reconciles alerts with the risk rows after the
 *       topology changes (and every few seconds): a node that becomes primary for a failed node's
 *       accounts raises any alert the failed node did not get to write.</li>
 * </ul>
 * Time comes from an injected clock; {@link #tick(long)} can be called directly with any time, so
 * tests advance a fake clock instead of sleeping.
 * <p>
 * This class is thread-safe: the tick is serialized.
 */
public final class BreachEngine implements AutoCloseable {

    /** Key of the running engine in the node-local map. */
    public static final String NODE_LOCAL_KEY = "riskgrid.breach-engine";

    public static final long DEFAULT_TICK_MS = 250;

    /** Ticks between full reconciliations when the topology is stable. */
    static final int RECONCILE_EVERY = 20;

    /** Ticks that reconcile after a topology change, while partition ownership settles. */
    static final int RECONCILE_AFTER_CHANGE = 8;

    /** Firm equity samples kept for the rapid-loss window. */
    static final int FIRM_SAMPLES = 4096;

    private final Ignite ignite;
    private final LongSupplier clock;
    private final IgniteLogger log;
    private final IgniteCache<String, AccountRiskRow> risk;
    private final IgniteCache<AlertKey, AlertRow> alerts;
    private final AlertWriter writer;
    private final PolicyStore policies;
    private final FirmControls firm;
    private final QueryCursor<Cache.Entry<String, AccountRiskRow>> cursor;
    private final ScheduledExecutorService scheduler;

    private long seenTopology = -1;
    private int reconcileTicks;
    private long ticks;
    private FirmBreakerMonitor monitor;

    private BreachEngine(Ignite ignite, LongSupplier clock, long tickMs) {
        this.ignite = ignite;
        this.clock = clock;
        this.log = ignite.log().getLogger(BreachEngine.class);
        this.risk = ignite.cache(GridTables.ACCOUNT_RISK);
        this.alerts = ignite.cache(GridTables.ALERTS);
        this.writer = new AlertWriter(ignite);
        this.policies = new PolicyStore(ignite);
        this.firm = new FirmControls(ignite);
        ContinuousQuery<String, AccountRiskRow> query = new ContinuousQuery<String, AccountRiskRow>()
                .setLocalListener(events -> {
                    // The filter writes the alerts and passes nothing on.
                });
        query.setRemoteFilterFactory(new BreachFilterFactory());
        query.setLocal(true);
        this.cursor = risk.query(query);
        if (tickMs > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "riskgrid-breach-tick-" + ignite.name());
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::scheduledTick, tickMs, tickMs, TimeUnit.MILLISECONDS);
        } else {
            scheduler = null;
        }
    }

    /**
     * Starts the engine on a server node and registers it in the node-local map.
     *
     * @param tickMs refresh period; 0 for no scheduled tick (tests call {@link #tick(long)})
     */
    public static BreachEngine start(Ignite ignite, LongSupplier clock, long tickMs) {
        if (ignite.cluster().localNode().isClient()) {
            throw new IllegalStateException("the breach engine runs on server nodes only");
        }
        BreachEngine engine = new BreachEngine(ignite, clock, tickMs);
        ignite.cluster().<String, Object>nodeLocalMap().put(NODE_LOCAL_KEY, engine);
        return engine;
    }

    /** The engine running on this node, or null. */
    public static BreachEngine of(Ignite ignite) {
        return (BreachEngine) ignite.cluster().<String, Object>nodeLocalMap().get(NODE_LOCAL_KEY);
    }

    private void scheduledTick() {
        try {
            tick(clock.getAsLong());
        } catch (RuntimeException e) {
            // A tick that fails (a node leaving mid-query) is retried by the next one.
            log.warning("breach engine tick failed: " + e.getMessage(), e);
        }
    }

    /** Runs one refresh at time {@code now}. */
    public synchronized TickReport tick(long now) {
        RiskPolicy policy = policies.read();
        long topology = ignite.cluster().topologyVersion();
        if (topology != seenTopology) {
            seenTopology = topology;
            reconcileTicks = RECONCILE_AFTER_CHANGE;
        }
        int reconciled = 0;
        if (reconcileTicks > 0 || ++ticks % RECONCILE_EVERY == 0) {
            reconcileTicks = Math.max(0, reconcileTicks - 1);
            reconciled = reconcile();
        }
        int escalated = escalate(policy, now);
        int expired = expireOverrides(now);
        BreakerTrip trip = watchFirm(policy.breakers(), now);
        return new TickReport(reconciled, escalated, expired, trip);
    }

    /**
     * Makes the limit alerts of every account this node is primary for agree with its risk row.
     * ANOMALY alerts are not in the risk row; the anomaly scoring opens and resolves them.
     */
    public synchronized int reconcile() {
        Map<String, List<String>> open = new HashMap<>();
        for (List<?> r : localPrimary(alerts, "SELECT ACCOUNT_ID, ALERT_ID FROM ALERTS WHERE STATUS <> 'RESOLVED'"
                + " AND (METRIC IS NULL OR METRIC <> '" + AnomalyAlerts.METRIC + "')")) {
            open.computeIfAbsent((String) r.get(0), a -> new ArrayList<>()).add((String) r.get(1));
        }
        int changes = 0;
        for (Cache.Entry<String, AccountRiskRow> e : risk.localEntries(CachePeekMode.PRIMARY)) {
            changes += writer.write(e.getKey(), null, e.getValue());
            changes += writer.resolveMissing(e.getKey(), e.getValue(), open.getOrDefault(e.getKey(), List.of()));
        }
        return changes;
    }

    private int escalate(RiskPolicy policy, long now) {
        long since = now - Math.min(policy.alerts().criticalEscalationMs(), policy.alerts().highEscalationMs());
        int n = 0;
        for (List<?> r : localPrimary(alerts, "SELECT ACCOUNT_ID, ALERT_ID FROM ALERTS WHERE STATUS = 'ACTIVE' "
                + "AND SEVERITY IN ('HIGH', 'CRITICAL') AND SEVERITY_SINCE <= ?", since)) {
            AlertChange.Outcome o = alerts.invoke(new AlertKey((String) r.get(0), (String) r.get(1)),
                    new AlertChange.Escalate(policy.alerts().highEscalationMs(), policy.alerts().criticalEscalationMs(), now));
            if (o == AlertChange.Outcome.ESCALATED) {
                n++;
            }
        }
        return n;
    }

    private int expireOverrides(long now) {
        int n = 0;
        for (List<?> r : localPrimary(risk, "SELECT ACCOUNT_ID FROM ACCOUNT_RISK WHERE NEXT_EXPIRY_AT <= ?", now)) {
            AccountControlJob.run(ignite, new ExpireOverridesJob((String) r.get(0), now));
            n++;
        }
        return n;
    }

    /** On the oldest server node only: samples firm-wide equity and CRITICAL alerts, and trips the breakers. */
    private BreakerTrip watchFirm(CircuitBreakers breakers, long now) {
        ClusterNode oldest = ignite.cluster().forServers().forOldest().node();
        if (oldest == null || !oldest.isLocal()) {
            monitor = null;
            return null;
        }
        if (monitor == null || !monitor.breakers().equals(breakers)) {
            monitor = new FirmBreakerMonitor(breakers, FIRM_SAMPLES);
        }
        List<List<?>> totals = risk.query(new SqlFieldsQuery("SELECT SUM(SOD_EQUITY), SUM(EQUITY) FROM ACCOUNT_RISK")
                .setSchema(GridTables.SCHEMA)).getAll();
        List<List<?>> critical = alerts.query(new SqlFieldsQuery("SELECT COUNT(*) FROM ALERTS WHERE SEVERITY = 'CRITICAL' "
                + "AND SEVERITY_SINCE >= ?").setArgs(now - breakers.criticalAlertWindowMs()).setSchema(GridTables.SCHEMA)).getAll();
        double sod = number(totals.get(0).get(0));
        double equity = number(totals.get(0).get(1));
        int criticalAlerts = (int) number(critical.get(0).get(0));
        BreakerTrip trip = monitor.sample(now, sod, equity, criticalAlerts);
        if (trip == null || firm.state() == TradingState.HALTED) {
            return null;
        }
        if (firm.trip(trip, now)) {
            log.warning("firm HALTED: " + trip.describe());
            monitor.reset();
            return trip;
        }
        return null;
    }

    private List<List<?>> localPrimary(IgniteCache<?, ?> cache, String sql, Object... args) {
        Affinity<String> affinity = ignite.affinity(GridTables.ACCOUNT_RISK);
        ClusterNode local = ignite.cluster().localNode();
        List<List<?>> out = new ArrayList<>();
        // A local query also sees backup copies; only the primary acts on an account.
        for (List<?> r : cache.query(new SqlFieldsQuery(sql).setArgs(args).setLocal(true).setSchema(GridTables.SCHEMA))) {
            if (affinity.isPrimary(local, (String) r.get(0))) {
                out.add(r);
            }
        }
        return out;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        cursor.close();
        ignite.cluster().<String, Object>nodeLocalMap().remove(NODE_LOCAL_KEY, this);
    }

    /**
     * What one tick did.
     *
     * @param reconciled alerts raised or resolved by reconciliation
     * @param escalated  alerts escalated
     * @param expired    accounts whose ended overrides were recorded
     * @param trip       the firm circuit breaker this tick tripped, or null
     */
    public record TickReport(int reconciled, int escalated, int expired, BreakerTrip trip) {
    }

    /** Gives the query one filter instance; Ignite injects its resources on the node. */
    private static final class BreachFilterFactory implements javax.cache.configuration.Factory<BreachFilter> {
        private static final long serialVersionUID = 1L;

        @Override
        public BreachFilter create() {
            return new BreachFilter();
        }
    }
}
