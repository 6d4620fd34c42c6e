package io.riskgrid.compute.book;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

import java.util.List;
import java.util.Map;

/**
 * A task of one account: one job on the account's primary node (see
 * {@link PrimaryPartitions#primaryOf}), where its rows are local, and the job's answer as the
 * task's, or the job's failure thrown.
 *
 * @param <T> the task's argument
 * @param <R> the task's result, which the job returns
 */
public abstract class AccountTask<T, R> extends ComputeTaskAdapter<T, R> {

    @IgniteInstanceResource
    protected transient Ignite ignite;

    /** The mapping that sends {@code job} to the primary node of {@code accountId}. */
    protected final Map<? extends ComputeJob, ClusterNode> onPrimaryOf(List<ClusterNode> subgrid, String accountId,
                                                                      ComputeJob job) {
        return Map.of(job, PrimaryPartitions.primaryOf(ignite, subgrid, accountId));
    }

    @Override
    public R reduce(List<ComputeJobResult> results) {
        ComputeJobResult r = results.get(0);
        if (r.getException() != null) {
            throw r.getException();
        }
        return r.getData();
    }
}
