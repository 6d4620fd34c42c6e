package io.riskgrid.compute.pretrade;

import io.riskgrid.compute.book.AccountTask;
import io.riskgrid.compute.control.FirmControls;
import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.compute.ingest.FixedResult;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.DrawdownTier;
import io.riskgrid.core.limit.AccountExposure;
import io.riskgrid.core.limit.LimitSet;
import io.riskgrid.core.pretrade.PreTradeCheck;
import io.riskgrid.core.pretrade.PreTradeDecision;
import io.riskgrid.core.pretrade.PreTradeOrder;
import io.riskgrid.core.pretrade.PreTradeResult;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.InstrumentRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeTaskName;
import org.apache.ignite.resources.IgniteInstanceResource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pre-trade check as a grid task: runs on the primary node of the order's account, reads the
 * account's risk row, positions and limits there (local reads), the firm's state and the
 * instrument, and answers with {@link PreTradeCheck}. Callable from the thin client as
 * {@value #NAME} with a {@link PreTradeOrder}; the API calls the same task.
 * <p>
 * The limits are taken at their effective max (an override raises one while it lasts), and the
 * trading state is the one the account's last recomputation wrote.
 */
@ComputeTaskName(PreTradeCheckTask.NAME)
public class PreTradeCheckTask extends AccountTask<PreTradeOrder, PreTradeDecision> {

    public static final String NAME = "io.riskgrid.compute.pretrade.PreTradeCheckTask";

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, PreTradeOrder order) {
        if (order == null) {
            return Map.of(new FixedResult(PreTradeDecision.problem("an order is required", false)),
                    FixedResult.here(ignite, subgrid));
        }
        return onPrimaryOf(subgrid, order.accountId(), new Check(order));
    }

    /** The check, on the account's primary node. */
    static final class Check extends ComputeJobAdapter {
        private static final long serialVersionUID = 1L;
        private final PreTradeOrder order;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Check(PreTradeOrder order) {
            this.order = order;
        }

        @Override
        public Object execute() {
            return PreTradeCheckTask.check(ignite, order);
        }
    }

    /**
     * The check of {@code order} as a caller on a node of the grid gets it: run here, on the calling
     * thread, when this node is a server and primary for the account (its reads are local, as they
     * would be in the task's job, without the task's two thread hops and bookkeeping), otherwise as
     * this task, which runs it on the primary node within {@code timeoutMillis}. The answer is the
     * same either way.
     */
    public static PreTradeDecision run(Ignite ignite, PreTradeOrder order, long timeoutMillis) {
        if (order != null && !ignite.cluster().localNode().isClient()
                && ignite.affinity(GridTables.ACCOUNT_RISK).isPrimary(ignite.cluster().localNode(), order.accountId())) {
            return check(ignite, order);
        }
        return ignite.compute().withTimeout(timeoutMillis).execute(NAME, order);
    }

    /** Checks an order against the grid's data; reads locally on the account's primary node. */
    public static PreTradeDecision check(Ignite ignite, PreTradeOrder order) {
        String accountId = order.accountId();
        AccountRiskRow risk = ignite.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).get(accountId);
        if (risk == null) {
            return PreTradeDecision.problem("unknown account '" + accountId + "'", true);
        }
        InstrumentRow instrument = ignite.<String, InstrumentRow>cache(GridTables.INSTRUMENTS).get(order.instrumentId());
        if (instrument == null) {
            return PreTradeDecision.problem("unknown instrument '" + order.instrumentId() + "'", true);
        }
        AccountBook accountBook = new AccountBook(ignite);
        AccountExposure book = AccountBook.exposure(risk,
                accountBook.readBook(accountId, new TreeSet<>(Arrays.asList(risk.instrumentIds))));
        LimitSet limits = AccountBook.limitSet(accountId, accountBook.readLimits(accountId, risk), System.currentTimeMillis());
        TradingState firm = new FirmControls(ignite).state();
        TradingState account = risk.tradingState == null ? TradingState.ACTIVE : TradingState.valueOf(risk.tradingState);
        DrawdownTier tier = risk.drawdownTier == null ? DrawdownTier.NONE : DrawdownTier.valueOf(risk.drawdownTier);
        PreTradeResult out = new PreTradeResult(Math.max(1, limits.size()));
        boolean approved = PreTradeCheck.DEFAULT.check(book, limits, account, firm, tier, risk.sizingFactor > 0 ? risk.sizingFactor : 1,
                order.instrumentId(), instrument.sector, order.side(), order.quantity(), order.price(), instrument.contractSize, out);
        int n = limits.size();
        String[] ids = new String[n];
        String[] metrics = new String[n];
        double[] before = new double[n];
        double[] after = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = limits.limitId(i);
            metrics[i] = limits.metric(i).name();
            before[i] = out.utilizationBefore(i);
            after[i] = out.utilizationAfter(i);
        }
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < out.reasonCount(); k++) {
            codes.add(out.reason(k).name());
        }
        return PreTradeDecision.of(approved, account.name(), firm.name(), tier.name(), out.riskIncreasing(),
                out.describeReasons(limits), codes, ids, metrics, before, after);
    }
}
