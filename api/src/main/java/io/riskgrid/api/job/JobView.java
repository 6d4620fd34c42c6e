package io.riskgrid.api.job;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job as {@code GET /api/v1/jobs/{id}} and the job stream show it.
 *
 * @param jobId       the job's id
 * @param type        VAR, STRESS, SCENARIO, TRAIN or BACKTEST
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
public record JobView(String jobId,
                      @Schema(allowableValues = {"VAR", "STRESS", "SCENARIO", "TRAIN", "BACKTEST"}) String type,
                      @Schema(allowableValues = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"}) String status,
                      @Schema(minimum = "0", maximum = "1", description = "Fraction done") double progress,
                      @Schema(description = "Epoch ms") long submittedAt,
                      @Schema(description = "Epoch ms; null while queued") Long startedAt,
                      @Schema(description = "Epoch ms; null until finished") Long finishedAt,
                      String submittedBy,
                      @Schema(description = "Why it failed or was cancelled") String message,
                      @Schema(implementation = Object.class, description = "The request as it runs, defaults filled "
                              + "in (the seed, say)") JsonNode request,
                      @Schema(implementation = Object.class, description = "The result once SUCCEEDED (see the README's "
                              + "Jobs table for its shape by type); null before") JsonNode result,
                      @Schema(description = "Grows with every change of the job; the stream's event id") long version) {

    /** True once the job will not change any more. */
    public boolean finished() {
        return JobStatus.valueOf(status).finished();
    }
}
