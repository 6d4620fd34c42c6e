package io.riskgrid.api.audit;

/**
 * One entry of the audit log as {@code GET /api/v1/audit} returns it: who did what, to which
 * account, when, and why.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param eventId      unique, time-ordered id
 * @param ts           when, epoch milliseconds
 * @param actor        who: the person or service named by the request, or {@code system} for automatic actions
 * @param action       HALT, RESUME, LIMIT_SET, LIMIT_OVERRIDE, STATE_OVERRIDE, OVERRIDE_EXPIRED,
 *                     ALERT_ACKNOWLEDGED, DRAWDOWN_TIER, TRADING_STATE, CIRCUIT_BREAKER, POLICY_SET
 * @param accountId    the account, null for firm-wide actions
 * @param before       the value before (a trading state, a limit's max value), null where not applicable
 * @param after        the value after
 * @param reason       the reason a person gave, or the rule behind an automatic action
 * @param triggerValue the figure that triggered an automatic action (a drawdown, a loss), null for manual ones
 * @param details      what was acted on, in words
 */
public record AuditEntry(String eventId, long ts, String actor, String action, String accountId, String before,
                         String after, String reason, Double triggerValue, String details) {
}
