package io.riskgrid.api.pretrade;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /api/v1/pretrade/check}: whether the order may go to market, why not,
 * the trading states that applied, and what the order would do to each limit of the account.
 * A utilization that is not known (VaR not computed yet) is null; it never rejects an order.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param approved         true if the order may be sent
 * @param reasons          every reason it may not, in words; empty when approved
 * @param reasonCodes      the same reasons as codes: FIRM_HALTED, ACCOUNT_HALTED, FIRM_REDUCING,
 *                         ACCOUNT_REDUCING, LIMIT_BREACH, SIZING_REDUCED
 * @param tradingState     the more restrictive of the account's and the firm's state
 * @param accountState     the account's trading state
 * @param firmState        the firm's trading state
 * @param drawdownTier     the account's drawdown tier (REDUCE_SIZE caps risk-increasing orders at the sizing factor)
 * @param riskIncreasing   true if the order grows the position or flips its side; only such orders
 *                         are held to limits and to a REDUCING state
 * @param utilizationAfter for each metric the account has limits on, the highest utilization after
 *                         the order over those limits (null when none is known)
 * @param limits           every limit of the account, before and after the order
 */
public record PreTradeAnswer(boolean approved, List<String> reasons, List<String> reasonCodes, String tradingState,
                             String accountState, String firmState, String drawdownTier, boolean riskIncreasing,
                             Map<String, Double> utilizationAfter, List<LimitCheck> limits) {

    /**
     * One limit of the account, measured as if the order filled in full at its price.
     *
     * @param limitId            the limit
     * @param metric             what it measures
     * @param utilizationBefore  current / effective max now, null when not known
     * @param utilizationAfter   current / effective max after the order, null when not known
     */
    public record LimitCheck(String limitId, String metric, Double utilizationBefore, Double utilizationAfter) {
    }
}
