package io.riskgrid.ml.grid;

import io.riskgrid.compute.book.AccountTask;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.Ignite;

import java.util.List;
import java.util.Map;

/**
 * Scores one account now, on demand, on the account's primary node (where its fills, positions and
 * risk row are local), and returns the {@link AnomalyResult}; the score, the ANOMALY_SCORES row and
 * any alert change are the same as a scheduled scoring's. Callable by name from thin clients:
 * {@value #NAME}, argument the account id.
 */
public final class AnomalyScoreTask extends AccountTask<String, AnomalyResult> {

    private static final long serialVersionUID = 1L;
    public static final String NAME = "io.riskgrid.ml.grid.AnomalyScoreTask";

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new IgniteException(new IllegalArgumentException("accountId is required"));
        }
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
        public AnomalyResult execute() {
            AnomalyResult r = AnomalyScoring.of(ignite).score(accountId, System.currentTimeMillis());
            if (r == null) {
                throw new IgniteException(new IllegalArgumentException("account '" + accountId + "' not found"));
            }
            return r;
        }
    }
}
