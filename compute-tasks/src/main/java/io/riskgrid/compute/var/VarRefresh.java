package io.riskgrid.compute.var;

import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.compute.ingest.AccountChange;
import io.riskgrid.compute.ingest.AccountUpdate;
import io.riskgrid.core.var.ParametricVar;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.CachePeekMode;

import javax.cache.Cache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps ACCOUNT_RISK.VAR_95 and VAR_99 current on each server node for the accounts it is primary
 * for: every {@value #DEFAULT_INTERVAL_MS} ms it computes each account's one-day parametric
 * (delta-normal) VaR at 95% and 99% from its positions and the node's {@link MarketModel}, and
 * writes the figures through {@link AccountBook#update} when they moved by more than half a
 * percent, so VAR_99 limits, breaches and the risk score follow in the same transaction.
 * Parametric VaR is the live figure because it is exact for the model and costs microseconds per
 * account; Monte Carlo and historical VaR are there on demand (jobs).
 * <p>
 * Thread-safe: one scheduler thread refreshes; {@link #refresh(long)} may also be called directly.
 */
public final class VarRefresh implements AutoCloseable {

    /** Refresh period. */
    public static final long DEFAULT_INTERVAL_MS = 5_000;
    /** Relative move below which a stored figure is left alone, to spare transactions. */
    static final double TOLERANCE = 0.005;
    private static final String NODE_LOCAL_KEY = VarRefresh.class.getName();
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** Phi^-1(0.95) / Phi^-1(0.99). */
    private static final double Z95_OVER_Z99 = STANDARD_NORMAL.inverseCumulativeProbability(0.95)
            / STANDARD_NORMAL.inverseCumulativeProbability(0.99);

    private final Ignite ignite;
    private final LongSupplier clock;
    private final IgniteLogger log;
    private final ScheduledExecutorService scheduler;

    private VarRefresh(Ignite ignite, LongSupplier clock, long intervalMs) {
        this.ignite = ignite;
        this.clock = clock;
        this.log = ignite.log().getLogger(VarRefresh.class);
        if (intervalMs > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "riskgrid-var-refresh-" + ignite.name());
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::scheduled, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        } else {
            scheduler = null;
        }
    }

    /**
     * Starts the refresh on a server node and registers it in the node-local map.
     *
     * @param intervalMs period; 0 for none (tests call {@link #refresh(long)})
     */
    public static VarRefresh start(Ignite ignite, LongSupplier clock, long intervalMs) {
        if (ignite.cluster().localNode().isClient()) {
            throw new IllegalStateException("the VaR refresh runs on server nodes only");
        }
        VarRefresh refresh = new VarRefresh(ignite, clock, intervalMs);
        ignite.cluster().<String, Object>nodeLocalMap().put(NODE_LOCAL_KEY, refresh);
        return refresh;
    }

    /** The refresh running on this node, or null. */
    public static VarRefresh of(Ignite ignite) {
        return (VarRefresh) ignite.cluster().<String, Object>nodeLocalMap().get(NODE_LOCAL_KEY);
    }

    private void scheduled() {
        try {
            refresh(clock.getAsLong());
        } catch (RuntimeException e) {
            if (scheduler.isShutdown()) {
                // Stopped mid-refresh (shutdownNow interrupts it): nothing is wrong, nothing to report.
                return;
            }
            // A refresh that fails (a node leaving mid-scan) is retried by the next one.
            log.warning("VaR refresh failed: " + e.getMessage(), e);
        }
    }

    /**
     * Recomputes the VaR of every account this node is primary for.
     *
     * @return the number of accounts whose stored VaR changed
     */
    public synchronized int refresh(long now) {
        MarketModel model = MarketModels.current(ignite);
        if (model.size() == 0) {
            return 0;
        }
        IgniteCache<String, AccountRiskRow> risk = ignite.cache(GridTables.ACCOUNT_RISK);
        AccountBook book = new AccountBook(ignite);
        double[] exposures = new double[model.size()];
        List<String> ids = new ArrayList<>();
        for (Cache.Entry<String, AccountRiskRow> e : risk.localEntries(CachePeekMode.PRIMARY)) {
            ids.add(e.getKey());
        }
        int changed = 0;
        for (String accountId : ids) {
            AccountRiskRow row = risk.localPeek(accountId, CachePeekMode.PRIMARY);
            if (row == null) {
                continue;
            }
            Arrays.fill(exposures, 0);
            AccountVarTask.exposures(ignite, model, accountId, row, exposures);
            double var99 = parametric99(model, exposures);
            // Delta-normal VaR is z times one standard deviation, so the 95% figure needs no second
            // pass over the covariance: it is the 99% figure rescaled by the ratio of the quantiles.
            double var95 = var99 * Z95_OVER_Z99;
            if (moved(row.var95, var95) || moved(row.var99, var99)) {
                book.update(accountId, now, new SetVar(var95, var99));
                changed++;
            }
        }
        return changed;
    }

    private static double parametric99(MarketModel model, double[] exposures) {
        for (double x : exposures) {
            if (x != 0) {
                return ParametricVar.DEFAULT.compute(exposures, model.covariance(), 0.99, 1).var();
            }
        }
        return 0;
    }

    static boolean moved(Double stored, double fresh) {
        return stored == null || Math.abs(fresh - stored) > Math.max(1e-6, TOLERANCE * Math.abs(stored));
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        ignite.cluster().<String, Object>nodeLocalMap().remove(NODE_LOCAL_KEY, this);
    }

    /** Stores fresh VaR figures; the book then re-measures VAR_99 limits and the risk score. */
    static final class SetVar implements AccountChange {
        private final double var95;
        private final double var99;

        SetVar(double var95, double var99) {
            this.var95 = var95;
            this.var99 = var99;
        }

        @Override
        public boolean byPerson() {
            return false;
        }

        @Override
        public void apply(AccountUpdate u) {
            u.risk().var95 = var95;
            u.risk().var99 = var99;
        }
    }
}
