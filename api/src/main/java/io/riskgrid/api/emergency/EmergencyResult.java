package io.riskgrid.api.emergency;

/**
 * What a halt or resume did.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param scope       FIRM or ACCOUNT
 * @param accountId   the account, null for FIRM
 * @param stateBefore the trading state before: the firm's, or the account's own
 * @param stateAfter  the trading state after. Resuming an account clears its kill switch and its
 *                    drawdown tier; an unexpired state override still applies
 */
public record EmergencyResult(String scope, String accountId, String stateBefore, String stateAfter) {
}
