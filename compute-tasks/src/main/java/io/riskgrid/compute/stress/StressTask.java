package io.riskgrid.compute.stress;

import io.riskgrid.compute.JobProgress;
import io.riskgrid.compute.book.FirmTask;
import io.riskgrid.compute.book.PartitionBooks;
import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.compute.var.MarketModels;
import io.riskgrid.core.limit.AccountExposure;
import io.riskgrid.core.limit.LimitSet;
import io.riskgrid.core.stress.AccountStressOutcome;
import io.riskgrid.core.stress.AccountStressResult;
import io.riskgrid.core.stress.StressReport;
import io.riskgrid.core.stress.StressRequest;
import io.riskgrid.core.stress.StressScenario;
import io.riskgrid.core.stress.StressTest;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.InstrumentRow;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskName;
import org.apache.ignite.resources.IgniteInstanceResource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A stress test of every account, as a map-reduce next to the data: each server node stresses the
 * accounts it is primary for (their positions, equity, drawdown and limits, read by local scans)
 * with {@link StressTest}, and the reduce adds up the firm's P&L, ranks the worst accounts and
 * lists those that would breach a limit. A replay of the return history is resolved into one
 * shock per instrument before the jobs leave, so every node applies the same moves.
 * <p>
 * Callable from the thin client as {@value #NAME} with a {@link StressRequest}; answers a
 * {@link StressReport}.
 */
@ComputeTaskName(StressTask.NAME)
public class StressTask extends FirmTask<StressRequest, StressReport> {

    public static final String NAME = "io.riskgrid.compute.stress.StressTask";

    private transient StressRequest request;
    private transient StressScenario scenario;
    private transient StressRequest resolved;

    public StressTask() {
        this(JobProgress.NONE);
    }

    public StressTask(JobProgress progress) {
        super(progress);
    }

    @Override
    protected void prepare(StressRequest request) {
        if (request == null) {
            throw new IgniteException(new IllegalArgumentException("a StressRequest is required"));
        }
        this.request = request;
        this.scenario = request.isReplay()
                ? MarketModels.current(ignite).replay(request.name(), request.replayFromDay(), request.replayToDay())
                : request.scenario();
        this.resolved = StressRequest.shocks(scenario, request.worst());
    }

    @Override
    protected ComputeJob job(int[] partitions) {
        return new Job(resolved, partitions);
    }

    @Override
    public StressReport reduce(List<ComputeJobResult> results) {
        List<AccountStressOutcome> all = new ArrayList<>();
        for (ComputeJobResult r : results) {
            if (r.getException() != null) {
                throw r.getException();
            }
            for (AccountStressOutcome o : r.<AccountStressOutcome[]>getData()) {
                all.add(o);
            }
        }
        StressReport report = report(scenario, all, request.worst(), start);
        progress.report(1);
        return report;
    }

    /** The firm's view of the accounts' outcomes: total P&L, the worst first, those that would breach. */
    static StressReport report(StressScenario scenario, List<AccountStressOutcome> all, int worst, long startNanos) {
        double pnl = 0;
        TreeSet<String> breaching = new TreeSet<>();
        for (AccountStressOutcome o : all) {
            pnl += o.pnl();
            if (o.breachCount() > 0) {
                breaching.add(o.accountId());
            }
        }
        all.sort(Comparator.comparingDouble(AccountStressOutcome::pnl).thenComparing(AccountStressOutcome::accountId));
        AccountStressOutcome[] top = all.subList(0, Math.min(worst, all.size())).toArray(new AccountStressOutcome[0]);
        return new StressReport(scenario, pnl, all.size(), top, breaching.toArray(new String[0]),
                System.currentTimeMillis(), (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** The accounts of the partitions a node is primary for, stressed on that node. */
    static final class Job extends ComputeJobAdapter {
        private static final long serialVersionUID = 1L;
        private final StressRequest request;
        private final int[] partitions;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Job(StressRequest request, int[] partitions) {
            this.request = request;
            this.partitions = partitions;
        }

        @Override
        public Object execute() {
            StressScenario scenario = request.scenario();
            long now = System.currentTimeMillis();
            IgniteCache<String, InstrumentRow> instruments = ignite.cache(GridTables.INSTRUMENTS);
            Map<String, String> assetClasses = new HashMap<>();
            Function<String, String> assetClassOf = id -> assetClasses.computeIfAbsent(id, k -> {
                InstrumentRow r = instruments.get(k);
                return r == null ? null : r.assetClass;
            });
            List<AccountStressOutcome> out = new ArrayList<>();
            for (int p : partitions) {
                TreeMap<String, AccountRiskRow> risk = PartitionBooks.risk(ignite, p);
                if (risk.isEmpty()) {
                    continue;
                }
                Map<String, TreeMap<PositionKey, PositionRow>> books = PartitionBooks.books(ignite, p);
                Map<String, TreeMap<String, LimitRow>> limits = PartitionBooks.limits(ignite, p);
                for (Map.Entry<String, AccountRiskRow> e : risk.entrySet()) {
                    String accountId = e.getKey();
                    AccountExposure x = AccountBook.exposure(e.getValue(), books.getOrDefault(accountId, new TreeMap<>()));
                    LimitSet set = AccountBook.limitSet(accountId, limits.getOrDefault(accountId, new TreeMap<>()), now);
                    AccountStressResult r = StressTest.DEFAULT.account(accountId, scenario, x, set, assetClassOf);
                    out.add(new AccountStressOutcome(r));
                }
            }
            return out.toArray(new AccountStressOutcome[0]);
        }
    }
}
