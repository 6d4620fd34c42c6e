package io.riskgrid.compute.var;

import io.riskgrid.compute.book.AccountTask;
import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.core.var.VarReport;
import io.riskgrid.core.var.VarRequest;
import io.riskgrid.core.var.VarResult;
import io.riskgrid.core.var.VarScope;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeTaskName;
import org.apache.ignite.resources.IgniteInstanceResource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The VaR of one account, computed on the account's primary node from its positions there and
 * the node's {@link MarketModel}. Callable from the thin client as {@value #NAME} with a
 * {@link VarRequest} of scope ACCOUNT; answers a {@link VarReport}.
 */
@ComputeTaskName(AccountVarTask.NAME)
public class AccountVarTask extends AccountTask<VarRequest, VarReport> {

    public static final String NAME = "io.riskgrid.compute.var.AccountVarTask";

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, VarRequest request) {
        if (request == null || request.scope() != VarScope.ACCOUNT) {
            throw new IgniteException(new IllegalArgumentException("AccountVarTask needs a VarRequest of scope ACCOUNT"));
        }
        return onPrimaryOf(subgrid, request.accountId(), new Job(request));
    }

    /** The calculation, on the account's primary node. */
    static final class Job extends ComputeJobAdapter {
        private static final long serialVersionUID = 1L;
        private final VarRequest request;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Job(VarRequest request) {
            this.request = request;
        }

        @Override
        public Object execute() {
            return AccountVarTask.compute(ignite, request);
        }
    }

    /** The account's VaR from the grid's data; reads locally on the account's primary node. */
    public static VarReport compute(Ignite ignite, VarRequest request) {
        long start = System.nanoTime();
        String accountId = request.accountId();
        AccountRiskRow risk = ignite.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).get(accountId);
        if (risk == null) {
            throw new IllegalArgumentException("unknown account '" + accountId + "'");
        }
        MarketModel model = MarketModels.current(ignite);
        double[] exposures = new double[model.size()];
        int positions = exposures(ignite, model, accountId, risk, exposures);
        VarResult v = VarCalculation.compute(model, exposures, request);
        return VarCalculation.report(request, model, exposures, v.var(), v.cvar(), v.componentVar(), v.scenarios(),
                1, positions, start);
    }

    /** Adds the account's net market value per instrument to {@code exposures}; returns its open positions. */
    static int exposures(Ignite ignite, MarketModel model, String accountId, AccountRiskRow risk, double[] exposures) {
        if (risk.instrumentIds == null || risk.instrumentIds.length == 0) {
            return 0;
        }
        Map<PositionKey, PositionRow> book = new AccountBook(ignite).readBook(accountId,
                new TreeSet<>(Arrays.asList(risk.instrumentIds)));
        return add(model, book, exposures);
    }

    /** Adds a book's net market value per instrument to {@code exposures}; returns its open positions. */
    static int add(MarketModel model, Map<PositionKey, PositionRow> book, double[] exposures) {
        int open = 0;
        for (Map.Entry<PositionKey, PositionRow> e : book.entrySet()) {
            PositionRow p = e.getValue();
            if (p.quantity == 0) {
                continue;
            }
            exposures[model.indexOfHeld(e.getKey().instrumentId())] += p.marketValue;
            open++;
        }
        return open;
    }
}
