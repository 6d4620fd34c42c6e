package io.riskgrid.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/admin/lost-partitions/reset}. Fields are nullable so that a missing
 * one is reported by name.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param reason why, required: it is written to the audit log
 * @param actor  who; else the {@code X-Actor} header, else {@code api}
 */
@Schema(description = "A reset of the lost partitions")
public record LostPartitionsResetRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 1000,
                description = "Why; written to the audit log") String reason,
        @Schema(maxLength = 100, description = "Who; else the X-Actor header, else `api`") String actor) {
}
