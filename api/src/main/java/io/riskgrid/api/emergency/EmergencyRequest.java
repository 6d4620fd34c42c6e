package io.riskgrid.api.emergency;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/emergency/halt-trading} and {@code /emergency/resume}. Fields are
 * nullable so that a missing one is reported by name.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param scope     FIRM (every account) or ACCOUNT (one account)
 * @param accountId the account, required for ACCOUNT and not allowed for FIRM
 * @param reason    why, required: it is written to the audit log
 * @param actor     who; else the {@code X-Actor} header, else {@code api}
 */
@Schema(description = "A halt or resume of the firm or of one account")
public record EmergencyRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"FIRM", "ACCOUNT"}) String scope,
        @Schema(description = "Required for scope ACCOUNT; must be absent for FIRM") String accountId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 1000, description = "Why; written to the audit log") String reason,
        @Schema(maxLength = 100, description = "Who; else the X-Actor header, else `api`") String actor) {
}
