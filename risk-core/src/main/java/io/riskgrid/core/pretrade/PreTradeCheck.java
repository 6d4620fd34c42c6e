package io.riskgrid.core.pretrade;

import io.riskgrid.core.Guard;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.DrawdownTier;
import io.riskgrid.core.control.TradingControls;
import io.riskgrid.core.limit.AccountExposure;
import io.riskgrid.core.limit.LimitEvaluator;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitSet;
import io.riskgrid.core.position.Side;

/**
 * Decides, before an order goes to market, whether an account may place it: the order is looked at
 * as if it filled in full at its price, against the firm's and the account's trading state and
 * against every limit of the account.
 * <p>
 * An order is <em>risk-increasing</em> if it grows the position in its instrument or flips it to the
 * other side (long 100, sell 150: short 50); otherwise it is <em>risk-reducing</em>. The rules, every
 * one of which is applied and reported (a rejection lists all that stand in the way):
 * <ul>
 *   <li>a HALTED firm or account rejects every order ({@link PreTradeReason#FIRM_HALTED},
 *       {@link PreTradeReason#ACCOUNT_HALTED});</li>
 *   <li>a REDUCING firm or account rejects risk-increasing orders
 *       ({@link PreTradeReason#FIRM_REDUCING}, {@link PreTradeReason#ACCOUNT_REDUCING});</li>
 *   <li>a risk-increasing order is rejected on each limit whose utilization after the order would be
 *       above 1 ({@link PreTradeReason#LIMIT_BREACH}), or above the sizing factor while the account's
 *       drawdown is in the {@link DrawdownTier#REDUCE_SIZE} tier ({@link PreTradeReason#SIZING_REDUCED}).
 *       A limit already above its cap therefore blocks every risk-increasing order until it is back
 *       within it, including limits no order can move (daily loss, drawdown, VaR) and limits scoped to
 *       another instrument or sector.</li>
 * </ul>
 * A risk-reducing order is never rejected for a limit, even one it leaves above 1: closing out must
 * stay possible when an account is in breach. A utilization that is not known (NaN, such as VaR not
 * computed yet) never rejects. The order does not change the account's daily loss, drawdown or VaR
 * as far as this check can tell, so those limits are reported at their current utilization.
 * <p>
 * The tier passed in only sets the sizing cap. Its REDUCING and HALTED effects reach the check
 * through {@code accountState} (see {@link TradingControls#accountState}), where a person's override
 * may loosen them.
 * <p>
 * The check allocates nothing on any path, whether it approves or rejects; only bad input throws.
 * The account's book is borrowed: for an instrument the account does not hold, a zero position is
 * appended to it for the duration of the call and removed before it returns, so no other thread may
 * use the book meanwhile. This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class PreTradeCheck {

    public static final PreTradeCheck DEFAULT = new PreTradeCheck();

    // A position that would end within this many units of zero is taken as closed, as PositionMath
    // closes it, so that selling a fractionally built position is not mistaken for a flip.
    private static final double EPSILON = 1e-9;

    private static final LimitEvaluator EVALUATOR = LimitEvaluator.DEFAULT;

    private PreTradeCheck() {
    }

    /**
     * Checks one order and writes the answer to {@code out}.
     *
     * @param book         the account's positions, marked, and its equity, daily P&amp;L, drawdown and VaR
     * @param limits       the account's limits (with overrides applied)
     * @param accountState the account's trading state; null counts as ACTIVE
     * @param firmState    the firm-wide trading state; null counts as ACTIVE
     * @param tier         the account's drawdown tier; only {@link DrawdownTier#REDUCE_SIZE} changes the check
     * @param sizingFactor the highest utilization a risk-increasing order may leave in the REDUCE_SIZE tier, in (0, 1];
     *                     ignored in any other tier
     * @param instrumentId the instrument ordered
     * @param sector       the instrument's sector, used only if the account holds no position in it yet; may be null
     * @param side         BUY or SELL
     * @param quantity     units ordered, positive
     * @param price        the order's price, positive; the position after the order is valued at it
     * @param contractSize currency value of one unit of price per unit of quantity, positive
     * @param out          where the answer is written (it is cleared first)
     * @return true if the order is approved, as {@link PreTradeResult#approved()}
     * @throws IllegalArgumentException naming the field, if an argument is missing or out of range
     */
    public boolean check(AccountExposure book, LimitSet limits, TradingState accountState, TradingState firmState,
                         DrawdownTier tier, double sizingFactor, String instrumentId, String sector, Side side,
                         double quantity, double price, double contractSize, PreTradeResult out) {
        Guard.notNull(book, "book");
        Guard.notNull(limits, "limits");
        Guard.notBlank(instrumentId, "instrumentId");
        Guard.notNull(side, "side");
        Guard.positive(quantity, "quantity");
        Guard.positive(price, "price");
        Guard.positive(contractSize, "contractSize");
        Guard.notNull(out, "out");
        boolean sizedDown = tier == DrawdownTier.REDUCE_SIZE;
        if (sizedDown && !(sizingFactor > 0 && sizingFactor <= 1)) {
            throw new IllegalArgumentException("sizingFactor must be in (0, 1] in the REDUCE_SIZE tier, was " + sizingFactor);
        }

        int n = limits.size();
        out.begin(n);
        int slot = book.indexOf(instrumentId);
        boolean appended = slot < 0;
        if (appended) {
            book.add(instrumentId, sector, 0, 0);
            slot = book.size() - 1;
        }
        try {
            double q = book.quantity(slot);
            double qAfter = q + side.sign() * quantity;
            if (Math.abs(qAfter) < EPSILON) {
                qAfter = 0;
            }
            boolean increasing = isRiskIncreasing(q, qAfter);
            out.order(TradingControls.DEFAULT.mostRestrictive(accountState, firmState), increasing, q, qAfter);
            stateReasons(firmState, PreTradeReason.FIRM_HALTED, PreTradeReason.FIRM_REDUCING, increasing, out);
            stateReasons(accountState, PreTradeReason.ACCOUNT_HALTED, PreTradeReason.ACCOUNT_REDUCING, increasing, out);

            double mvAfter = qAfter * price * contractSize;
            double cap = sizedDown ? sizingFactor : 1.0;
            PreTradeReason limitReason = sizedDown ? PreTradeReason.SIZING_REDUCED : PreTradeReason.LIMIT_BREACH;
            double[] before = out.utilizationBefore;
            double[] after = out.utilizationAfter;
            EVALUATOR.utilizations(limits, book, slot, qAfter, mvAfter, before, after);
            for (int i = 0; i < n; i++) {
                // NaN compares false: an unknown utilization never rejects. A limit the order leaves
                // where it was (another instrument's limit) does not stop it, unless it is one of the
                // loss limits (daily loss, drawdown, VaR): over those, only risk-reducing orders pass.
                boolean worsens = after[i] > before[i] || !orderCanChange(limits.metric(i));
                if (increasing && after[i] > cap && worsens) {
                    out.reject(limitReason, i, after[i], cap);
                }
            }
        } finally {
            if (appended) {
                book.removeLast();
            }
        }
        return out.finish();
    }

    /** True if going from {@code q} to {@code qAfter} grows the position or flips its side. */
    static boolean isRiskIncreasing(double q, double qAfter) {
        return Math.abs(qAfter) > Math.abs(q) || (q > 0 && qAfter < 0) || (q < 0 && qAfter > 0);
    }

    /** False for the metrics an order cannot move as far as this check knows: daily loss, drawdown and VaR. */
    static boolean orderCanChange(LimitMetric metric) {
        return metric != LimitMetric.DAILY_LOSS && metric != LimitMetric.DRAWDOWN && metric != LimitMetric.VAR_99;
    }

    private static void stateReasons(TradingState state, PreTradeReason halted, PreTradeReason reducing,
                                     boolean increasing, PreTradeResult out) {
        if (state == TradingState.HALTED) {
            out.reject(halted, -1, Double.NaN, Double.NaN);
        } else if (state == TradingState.REDUCING && increasing) {
            out.reject(reducing, -1, Double.NaN, Double.NaN);
        }
    }
}
