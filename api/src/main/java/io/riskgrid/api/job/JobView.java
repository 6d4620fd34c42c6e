package io.riskgrid.api.job;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job as {@code GET /api/v1/jobs/{id}} and the job stream show it.
 *
 * @param jobId       the job's id
 * @param type        VAR, STRESS or SCENARIO
 * @param status      QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param progress    fraction done, 0..1
 * @param submittedAt epoch ms
 * @param startedAt   epoch ms, null while queued
 * @param finishedAt  epoch ms, null while not finished
 * @param submittedBy who submitted it
 * @param message     why it failed or was cancelled
 * @param request     the request as it will run (with defaults filled in, e.g. the seed)
 * @param result      the result once SUCCEEDED
 * @param version     grows with every change of the job; the stream's event id
 */
public record JobView(String jobId, String type, String status, double progress, long submittedAt, Long startedAt,
                      Long finishedAt, String submittedBy, String message, JsonNode request, JsonNode result,
                      long version) {

    /** True once the job will not change any more. */
    public boolean finished() {
        return JobStatus.valueOf(status).finished();
    }
}
