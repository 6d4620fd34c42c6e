package io.riskgrid.grid.schema;

/**
 * A row of JOBS, keyed by job id: a quant's compute job (VaR, stress test, scenario), its progress
 * and, once done, its result. The row outlives the job so results can be fetched later; it is
 * written by the API instance that runs the job ({@code owner}) and read by any.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 */
public final class JobRow {

    /** VAR, STRESS or SCENARIO. */
    public String type;
    /** QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED. */
    public String status;
    /** Fraction done, 0..1. */
    public double progress;
    public long submittedAt;
    public Long startedAt;
    public Long finishedAt;
    public String submittedBy;
    /** Consistent id of the node that runs the job. */
    public String owner;
    /** Set by a cancel request that reached another API instance than the owner. */
    public boolean cancelRequested;
    /** Why the job failed or was cancelled, for people. */
    public String message;
    /** The request as submitted, JSON. */
    public String request;
    /** The result, JSON, once SUCCEEDED. */
    public String result;
    /** Bumped on every write, so a reader can tell an update from a repeat. */
    public long version;

    public JobRow copy() {
        JobRow c = new JobRow();
        c.type = type;
        c.status = status;
        c.progress = progress;
        c.submittedAt = submittedAt;
        c.startedAt = startedAt;
        c.finishedAt = finishedAt;
        c.submittedBy = submittedBy;
        c.owner = owner;
        c.cancelRequested = cancelRequested;
        c.message = message;
        c.request = request;
        c.result = result;
        c.version = version;
        return c;
    }
}
