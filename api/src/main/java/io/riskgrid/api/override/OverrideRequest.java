package io.riskgrid.api.override;

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
public record OverrideRequest(String accountId, String limitId, String state, Double value, String reason,
                              Long expiresAt, String actor) {
}
