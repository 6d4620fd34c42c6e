package io.riskgrid.core.pretrade;

import io.riskgrid.core.Guard;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.limit.LimitSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The answer of one {@link PreTradeCheck}: whether the order may go to market, every reason it may
 * not, and each limit's utilization before and after the order, as the trader would see it.
 * <p>
 * It is a reusable, mutable holder so that a check allocates nothing: keep one per thread and pass
 * it to each check, which overwrites it. Its arrays are sized for {@code capacity} limits and grow
 * only when an account has more limits than that; after growing they keep their new size, so the
 * cost is paid once. Reasons are kept in the order firm state, account state, then limits by index.
 * {@link #describeReasons(LimitSet)} turns them into sentences for the API; it allocates and is not
 * meant for the hot path.
 * <p>
 * Not thread-safe: one instance per thread, and read it before it is passed to the next check.
 */
public final class PreTradeResult {

    /** The number of limits a result built with the no-argument constructor holds without growing. */
    public static final int DEFAULT_CAPACITY = 16;

    // Beyond one reason per limit, a check can give one for the firm's state and one for the account's.
    private static final int STATE_REASONS = 2;

    private boolean approved;
    private TradingState tradingState;
    private boolean riskIncreasing;
    private double quantityBefore;
    private double quantityAfter;

    private int limitCount;
    double[] utilizationBefore;
    double[] utilizationAfter;

    private int reasonCount;
    private PreTradeReason[] reasons;
    private int[] reasonLimits;
    private double[] reasonUtilizations;
    private double[] reasonCaps;

    public PreTradeResult() {
        this(DEFAULT_CAPACITY);
    }

    /** A result with room for {@code capacity} limits before it has to grow. */
    public PreTradeResult(int capacity) {
        Guard.positive(capacity, "capacity");
        utilizationBefore = new double[capacity];
        utilizationAfter = new double[capacity];
        reasons = new PreTradeReason[capacity + STATE_REASONS];
        reasonLimits = new int[capacity + STATE_REASONS];
        reasonUtilizations = new double[capacity + STATE_REASONS];
        reasonCaps = new double[capacity + STATE_REASONS];
    }

    /** Forgets the last check: not approved, no reasons, no limits, no trading state. */
    public PreTradeResult reset() {
        approved = false;
        tradingState = null;
        riskIncreasing = false;
        quantityBefore = 0;
        quantityAfter = 0;
        limitCount = 0;
        for (int k = 0; k < reasonCount; k++) {
            reasons[k] = null;
        }
        reasonCount = 0;
        return this;
    }

    /** True if the order may pass: no reason to reject it was found. */
    public boolean approved() {
        return approved;
    }

    /** The trading state that applied: the more restrictive of the firm's and the account's; null before any check. */
    public TradingState tradingState() {
        return tradingState;
    }

    /** True if the order would grow the position or flip it to the other side. */
    public boolean riskIncreasing() {
        return riskIncreasing;
    }

    /** The account's signed quantity in the instrument before the order (0 if it held none). */
    public double quantityBefore() {
        return quantityBefore;
    }

    /** The account's signed quantity in the instrument if the order filled in full. */
    public double quantityAfter() {
        return quantityAfter;
    }

    /** The number of limits evaluated: every limit of the account, in {@link LimitSet} order. */
    public int limitCount() {
        return limitCount;
    }

    /** Limit {@code i}'s utilization (value / max) now; NaN when its value is not known. */
    public double utilizationBefore(int i) {
        return utilizationBefore[Objects.checkIndex(i, limitCount)];
    }

    /** Limit {@code i}'s utilization if the order filled in full at its price; NaN when its value is not known. */
    public double utilizationAfter(int i) {
        return utilizationAfter[Objects.checkIndex(i, limitCount)];
    }

    /** The number of reasons the order was rejected for; 0 when it is approved. */
    public int reasonCount() {
        return reasonCount;
    }

    /** Reason {@code k}. */
    public PreTradeReason reason(int k) {
        return reasons[Objects.checkIndex(k, reasonCount)];
    }

    /** The index of the limit reason {@code k} is about, or -1 for a trading-state reason. */
    public int reasonLimit(int k) {
        return reasonLimits[Objects.checkIndex(k, reasonCount)];
    }

    /** The limit's utilization after the order for a limit reason; NaN for a trading-state reason. */
    public double reasonUtilizationAfter(int k) {
        return reasonUtilizations[Objects.checkIndex(k, reasonCount)];
    }

    /** The utilization the order had to stay within for a limit reason (1, or the sizing factor); NaN for a trading-state reason. */
    public double reasonCap(int k) {
        return reasonCaps[Objects.checkIndex(k, reasonCount)];
    }

    /**
     * The reasons as sentences a trader can read, for example
     * "limit GROSS (GROSS_NOTIONAL): utilization after the order 1.07 exceeds 1.00" or
     * "account is HALTED: no order may pass". Allocates: for the API layer, not the hot path.
     *
     * @param limits the limits the check was run with, to name them
     */
    public List<String> describeReasons(LimitSet limits) {
        Guard.notNull(limits, "limits");
        if (limits.size() != limitCount) {
            throw new IllegalArgumentException("limits must be the set the check was run with: it has "
                    + limits.size() + " limits, the check evaluated " + limitCount);
        }
        List<String> sentences = new ArrayList<>(reasonCount);
        for (int k = 0; k < reasonCount; k++) {
            sentences.add(describe(k, limits));
        }
        return sentences;
    }

    private String describe(int k, LimitSet limits) {
        PreTradeReason reason = reasons[k];
        switch (reason) {
            case FIRM_HALTED:
                return "firm is HALTED: no order may pass";
            case ACCOUNT_HALTED:
                return "account is HALTED: no order may pass";
            case FIRM_REDUCING:
                return "firm is REDUCING: only risk-reducing orders may pass";
            case ACCOUNT_REDUCING:
                return "account is REDUCING: only risk-reducing orders may pass";
            default:
                break;
        }
        int i = reasonLimits[k];
        LimitMetric metric = limits.metric(i);
        String name = limits.scope(i) == LimitScope.ACCOUNT
                ? "limit " + limits.limitId(i) + " (" + metric + ")"
                : "limit " + limits.limitId(i) + " (" + metric + ", " + limits.scope(i) + " " + limits.target(i) + ")";
        boolean movable = PreTradeCheck.orderCanChange(metric);
        String utilization = movable
                ? "utilization after the order " + fixed2(reasonUtilizations[k]) + " exceeds " + fixed2(reasonCaps[k])
                : "utilization " + fixed2(reasonUtilizations[k]) + " already exceeds " + fixed2(reasonCaps[k]);
        String cap = reason == PreTradeReason.SIZING_REDUCED
                ? ", the cap on risk-increasing orders in the REDUCE_SIZE drawdown tier"
                : "";
        // The order does not move this limit, so what would pass is a risk-reducing order, not a smaller one.
        String remedy = movable ? "" : "; only risk-reducing orders may pass";
        return name + ": " + utilization + cap + remedy;
    }

    // What String.format("%.2f") prints (half-up on the double's exact value) without parsing a
    // format: String.format was a quarter of a rejected check's samples in a profile of the HTTP path.
    private static String fixed2(double x) {
        return Double.isFinite(x) ? new BigDecimal(x).setScale(2, RoundingMode.HALF_UP).toPlainString() : Double.toString(x);
    }

    /** Clears the result for a check of {@code limits} limits, growing the arrays if they are too small. */
    void begin(int limits) {
        reset();
        if (limits > utilizationBefore.length) {
            utilizationBefore = Arrays.copyOf(utilizationBefore, limits);
            utilizationAfter = Arrays.copyOf(utilizationAfter, limits);
            reasons = Arrays.copyOf(reasons, limits + STATE_REASONS);
            reasonLimits = Arrays.copyOf(reasonLimits, limits + STATE_REASONS);
            reasonUtilizations = Arrays.copyOf(reasonUtilizations, limits + STATE_REASONS);
            reasonCaps = Arrays.copyOf(reasonCaps, limits + STATE_REASONS);
        }
        limitCount = limits;
    }

    void order(TradingState state, boolean increasing, double before, double after) {
        tradingState = state;
        riskIncreasing = increasing;
        quantityBefore = before;
        quantityAfter = after;
    }

    void reject(PreTradeReason reason, int limit, double utilization, double cap) {
        reasons[reasonCount] = reason;
        reasonLimits[reasonCount] = limit;
        reasonUtilizations[reasonCount] = utilization;
        reasonCaps[reasonCount] = cap;
        reasonCount++;
    }

    boolean finish() {
        approved = reasonCount == 0;
        return approved;
    }
}
