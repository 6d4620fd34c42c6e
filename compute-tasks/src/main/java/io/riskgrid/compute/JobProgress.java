package io.riskgrid.compute;

/**
 * Where a long task reports how far it has come, as a fraction 0..1. Set on the task instance by
 * the caller that submits it (the API's job service); a task called by name from a thin client has
 * none.
 */
@FunctionalInterface
public interface JobProgress {

    /** A listener that ignores every report. */
    JobProgress NONE = fraction -> { };

    void report(double fraction);
}
