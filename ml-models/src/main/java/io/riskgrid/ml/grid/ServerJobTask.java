package io.riskgrid.ml.grid;

import io.riskgrid.compute.JobProgress;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A task that runs one job on one server node (the oldest of the subgrid, so repeated jobs land
 * on the same node and its loaded models) and returns the job's answer: training and backtests,
 * which are one computation each. Progress is reported when the job is sent and when it returns.
 *
 * @param <T> the argument
 * @param <R> the result
 */
abstract class ServerJobTask<T, R> extends ComputeTaskAdapter<T, R> {

    private static final long serialVersionUID = 1L;
    private final transient JobProgress progress;

    ServerJobTask(JobProgress progress) {
        this.progress = progress == null ? JobProgress.NONE : progress;
    }

    /** The work, on the server node. */
    abstract R run(Ignite ignite, T argument);

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, T argument) {
        ClusterNode node = subgrid.stream().filter(n -> !n.isClient()).min(Comparator.comparingLong(ClusterNode::order))
                .orElseThrow(() -> new IgniteException("no server node to run the job on"));
        progress.report(0.05);
        return Map.of(new Job<>(this, argument), node);
    }

    @Override
    public R reduce(List<ComputeJobResult> results) {
        ComputeJobResult r = results.get(0);
        if (r.getException() != null) {
            throw r.getException();
        }
        progress.report(1);
        return r.getData();
    }

    private static final class Job<T, R> extends ComputeJobAdapter {
        private static final long serialVersionUID = 1L;
        private final ServerJobTask<T, R> task;
        private final T argument;
        @IgniteInstanceResource
        private transient Ignite ignite;

        Job(ServerJobTask<T, R> task, T argument) {
            this.task = task;
            this.argument = argument;
        }

        @Override
        public R execute() {
            try {
                return task.run(ignite, argument);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IgniteException(e.getMessage(), e);
            }
        }
    }
}
