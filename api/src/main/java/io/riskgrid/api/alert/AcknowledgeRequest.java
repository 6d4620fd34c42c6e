package io.riskgrid.api.alert;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The optional body of {@code POST /api/v1/alerts/{id}/acknowledge}.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param actor   who takes the alert on; else the {@code X-Actor} header, else {@code api}
 * @param comment what they are doing about it, written to the audit log; optional
 */
@Schema(description = "Who takes the alert on and what they are doing about it; both optional")
public record AcknowledgeRequest(
        @Schema(maxLength = 100, description = "Who; else the X-Actor header, else `api`") String actor,
        @Schema(maxLength = 1000, description = "Written to the audit log") String comment) {
}
