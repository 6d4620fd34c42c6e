package io.riskgrid.compute.book;

import io.riskgrid.compute.JobProgress;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task over every account of the firm, run next to the data: one job per server node over the
 * account partitions that node is primary for (see {@link PrimaryPartitions}), so that together
 * the jobs cover every account once. Reports progress as the nodes' jobs come back, up to 0.95;
 * the subclass's reduce reports the rest.
 * <p>
 * A task instance lives on the node that submits it and serves one execution.
 *
 * @param <A> the argument
 * @param <R> the result
 */
public abstract class FirmTask<A, R> extends ComputeTaskAdapter<A, R> {

    @IgniteInstanceResource
    protected transient Ignite ignite;

    protected final transient JobProgress progress;
    /** When {@link #map} began, for the elapsed time of the result. */
    protected transient long start;
    private transient int jobs;
    private transient int done;

    protected FirmTask(JobProgress progress) {
        this.progress = progress == null ? JobProgress.NONE : progress;
    }

    /** The job that covers {@code partitions} on their primary node. */
    protected abstract ComputeJob job(int[] partitions);

    /**
     * Checks the argument and prepares what every job needs; called once before the jobs are made.
     *
     * @throws org.apache.ignite.IgniteException for an argument the task cannot run with
     */
    protected abstract void prepare(A argument);

    @Override
    public final Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, A argument) {
        start = System.nanoTime();
        prepare(argument);
        Map<ComputeJob, ClusterNode> out = new LinkedHashMap<>();
        for (Map.Entry<ClusterNode, int[]> e : PrimaryPartitions.byNode(ignite, subgrid).entrySet()) {
            out.put(job(e.getValue()), e.getKey());
        }
        jobs = out.size();
        return out;
    }

    @Override
    public ComputeJobResultPolicy result(ComputeJobResult res, List<ComputeJobResult> rcvd) {
        ComputeJobResultPolicy policy = super.result(res, rcvd);
        if (res.getException() == null) {
            done++;
            progress.report(0.95 * done / jobs);
        }
        return policy;
    }
}
