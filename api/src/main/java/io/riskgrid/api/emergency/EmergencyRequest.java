package io.riskgrid.api.emergency;

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
public record EmergencyRequest(String scope, String accountId, String reason, String actor) {
}
