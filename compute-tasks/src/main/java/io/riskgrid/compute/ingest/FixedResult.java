package io.riskgrid.compute.ingest;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJobAdapter;

import java.util.List;

/**
 * A job that only returns a result decided when the task was mapped: the answer of a rejected or
 * empty batch, which must still be delivered through a job. Also says where such a job runs.
 */
public final class FixedResult extends ComputeJobAdapter {

    private final Object result;

    public FixedResult(Object result) {
        this.result = result;
    }

    @Override
    public Object execute() {
        return result;
    }

    /** The local node if the task may use it, else the first node it may use. */
    public static ClusterNode here(Ignite ignite, List<ClusterNode> subgrid) {
        ClusterNode local = ignite.cluster().localNode();
        return subgrid.contains(local) ? local : subgrid.get(0);
    }
}
