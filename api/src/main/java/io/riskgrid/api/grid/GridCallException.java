package io.riskgrid.api.grid;

import org.apache.ignite.IgniteClientDisconnectedException;
import org.apache.ignite.cluster.ClusterGroupEmptyException;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.compute.ComputeTaskTimeoutException;

import java.util.concurrent.RejectedExecutionException;

/**
 * A grid call that failed for a reason of the grid, not of the caller's input. Its cause holds
 * the grid's own exception, which is logged but never shown to an API caller.
 */
public final class GridCallException extends RuntimeException {

    public GridCallException(Throwable cause) {
        super("grid call failed: " + cause, cause);
    }

    /**
     * True when the grid could not take the call now (no server node, the client node lost its
     * cluster, a node left mid-call, a timeout, or too many calls waiting) and a retry may succeed.
     */
    public boolean isUnavailable() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof IgniteClientDisconnectedException || t instanceof ClusterTopologyException
                    || t instanceof ClusterGroupEmptyException || t instanceof ComputeTaskTimeoutException
                    || t instanceof RejectedExecutionException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
