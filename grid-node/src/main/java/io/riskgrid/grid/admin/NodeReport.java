package io.riskgrid.grid.admin;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * What one server node reports about itself: who it is, its heap, the backlog of its async-callback
 * pool (where the breach engine's filter and the risk and alert feeds' listeners run) and, for each
 * partitioned RiskGrid cache, a {@link CacheReport}.
 * <p>
 * A wire class sent back by {@link NodeReportJob} (plain public fields: Ignite's binary marshaller
 * does not carry records). A mutable carrier, filled in once; not thread-safe.
 */
public final class NodeReport implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The node's id in this topology (a new one each time the node starts). */
    public String nodeId;
    /** The node's consistent id: its stable name ({@code riskgrid-node}), the one the baseline lists. */
    public String consistentId;
    public ArrayList<String> hostNames = new ArrayList<>();
    public ArrayList<String> addresses = new ArrayList<>();
    /** The order in which the node joined the topology (1 = the oldest). */
    public long order;
    /** Heap in use and the most the heap may grow to, bytes. */
    public long heapUsed;
    public long heapMax;
    /**
     * Tasks waiting in the node's async-callback pool (Ignite's {@code threadPools.GridCallbackExecutor}
     * {@code QueueSize}): continuous-query events that {@code @IgniteAsyncCallback} filters and
     * listeners have not yet started to handle. -1 when the node does not report it.
     */
    public long callbackQueue = -1;
    /** Threads of the async-callback pool busy now, -1 when not reported. */
    public long callbackActive = -1;
    /** When the node measured this, epoch ms by its clock. */
    public long measuredAt;
    /** One report per partitioned RiskGrid cache the node has started, in GridTables order. */
    public ArrayList<CacheReport> caches = new ArrayList<>();
}
