package io.riskgrid.api.override;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/overrides}: a person's bounded-time change to one account,
 * either a limit's max value ({@code limitId} with {@code value}) or the account's trading state
 * ({@code state}). Fields are nullable so that a missing one is reported by name.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId the account
 * @param limitId   the limit whose max value is overridden; give this or {@code state}
 * @param state     the trading state imposed (ACTIVE, REDUCING or HALTED); give this or {@code limitId}
 * @param value     the limit's max value while the override lasts, positive; only with {@code limitId}
 * @param reason    why, required: it is written to the audit log
 * @param expiresAt when the override ends by itself, epoch ms: in the future and at most 7 days ahead
 * @param actor     who; else the {@code X-Actor} header, else {@code api}
 */
@Schema(description = "A bounded-time override of one limit (limitId + value) or of the trading state (state)")
public record OverrideRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String accountId,
        @Schema(description = "The limit overridden; give this (with value) or state") String limitId,
        @Schema(allowableValues = {"ACTIVE", "REDUCING", "HALTED"}, description = "The trading state imposed; give "
                + "this or limitId") String state,
        @Schema(exclusiveMinimumValue = 0, description = "The limit's max value while the override lasts, positive; "
                + "only with limitId") Double value,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 1000, description = "Why; written to the audit log") String reason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "When the override ends by itself, epoch milliseconds: in the future and at most 7 "
                + "days ahead") Long expiresAt,
        @Schema(maxLength = 100, description = "Who; else the X-Actor header, else `api`") String actor) {
}
