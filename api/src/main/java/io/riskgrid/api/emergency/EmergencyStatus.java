package io.riskgrid.api.emergency;

import java.util.List;

/**
 * What {@code GET /api/v1/emergency/status} returns: the firm's trading state and every account
 * whose trading is restricted in any way.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param firm     the firm-wide state, which applies on top of every account's own
 * @param accounts accounts that are not ACTIVE, have their kill switch on, have a state override,
 *                 or are in a drawdown tier (REDUCE_SIZE sizes their orders down while they stay
 *                 ACTIVE), in account id order
 */
public record EmergencyStatus(FirmState firm, List<AccountState> accounts) {

    /**
     * The firm-wide trading state and what set it.
     *
     * @param state        ACTIVE, REDUCING or HALTED
     * @param reason       why it was set, null if it never was
     * @param actor        who set it ({@code system} for a circuit breaker), null if nobody did
     * @param since        when it was set, epoch ms, null if it never was
     * @param trigger      the circuit breaker that set it, null when a person did
     * @param triggerValue the figure that tripped the breaker, null when a person set it
     */
    public record FirmState(String state, String reason, String actor, Long since, String trigger,
                            Double triggerValue) {
    }

    /**
     * An account whose trading is restricted.
     *
     * @param accountId          the account
     * @param tradingState       its effective state: kill switch, then a state override, then the drawdown tier
     * @param killSwitch         true while it is halted by hand
     * @param drawdownTier       NONE, REDUCE_SIZE, REDUCING or HALTED
     * @param stateOverride      the state an override imposes, null without one
     * @param stateOverrideUntil when that override ends, null without one
     */
    public record AccountState(String accountId, String tradingState, boolean killSwitch, String drawdownTier,
                               String stateOverride, Long stateOverrideUntil) {
    }
}
