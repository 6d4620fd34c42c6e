package io.riskgrid.ml.grid;

import io.riskgrid.compute.book.AccountTask;
import io.riskgrid.ml.forecast.AdaptiveLimitPolicy;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

import java.util.List;
import java.util.Map;

/**
 * The volatility forecast of one account's book and its adaptive-limit factor
 * ({@link PredictiveRisk#forecast}), computed on the account's primary node. Callable by name:
 * {@value #NAME}, argument the account id.
 */
public final class ForecastTask extends AccountTask<String, PredictiveRisk.Forecast> {

    private static final long serialVersionUID = 1L;
    public static final String NAME = "io.riskgrid.ml.grid.ForecastTask";

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, String accountId) {
        return onPrimaryOf(subgrid, accountId, new Job(accountId));
    }

    private static final class Job extends ComputeJobAdapter {
        private static final long serialVersionUID = 1L;
        private final String accountId;
        @IgniteInstanceResource
        private transient Ignite ignite;

        Job(String accountId) {
            this.accountId = accountId;
        }

        @Override
        public PredictiveRisk.Forecast execute() {
            PredictiveRisk.Forecast f = PredictiveRisk.forecast(ignite, accountId, AdaptiveLimitPolicy.DEFAULT);
            if (f == null) {
                throw new IgniteException(new IllegalArgumentException("account '" + accountId + "' not found"));
            }
            return f;
        }
    }
}
