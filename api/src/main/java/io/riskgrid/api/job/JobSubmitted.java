package io.riskgrid.api.job;

/** Answer of {@code POST /api/v1/jobs}: where to follow the job. */
public record JobSubmitted(String jobId, String status, String location, String stream) {
}
