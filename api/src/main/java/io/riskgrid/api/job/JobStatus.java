package io.riskgrid.api.job;

/** Where a job is in its life. */
public enum JobStatus {
    QUEUED(false),
    RUNNING(false),
    SUCCEEDED(true),
    FAILED(true),
    CANCELLED(true);

    private final boolean finished;

    JobStatus(boolean finished) {
        this.finished = finished;
    }

    /** True for a status the job never leaves. */
    public boolean finished() {
        return finished;
    }
}
