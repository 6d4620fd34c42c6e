package io.riskgrid.core.limit;

/**
 * Measures limits against an account's exposure. The current value of each metric, by scope
 * (mv is signed market value, q signed quantity, "in scope" means the target instrument or the
 * positions whose instrument is in the target sector):
 * <table>
 *   <caption>current value of a limit</caption>
 *   <tr><th>metric</th><th>ACCOUNT</th><th>INSTRUMENT / SECTOR</th></tr>
 *   <tr><td>GROSS_NOTIONAL</td><td>sum |mv|</td><td>sum |mv| in scope</td></tr>
 *   <tr><td>NET_NOTIONAL</td><td>|sum mv|</td><td>|sum mv in scope|</td></tr>
 *   <tr><td>POSITION_QTY</td><td>largest |q| of one position</td><td>sum |q| in scope</td></tr>
 *   <tr><td>CONCENTRATION</td><td>largest |mv| / sum |mv|</td><td>sum |mv| in scope / sum |mv|</td></tr>
 *   <tr><td>LEVERAGE</td><td>sum |mv| / equity (capped at 1000 when equity is not positive)</td><td>-</td></tr>
 *   <tr><td>DAILY_LOSS</td><td>max(0, -daily P&amp;L)</td><td>-</td></tr>
 *   <tr><td>DRAWDOWN</td><td>drawdown fraction</td><td>-</td></tr>
 *   <tr><td>VAR_99</td><td>one-day 99% VaR (NaN while unknown)</td><td>-</td></tr>
 * </table>
 * Concentration is 0 for a flat account. Utilization is value / max value; NaN when the value is not
 * known, which raises no breach.
 * <p>
 * The "after a trade" forms measure as if one position (a slot of the exposure) had a different
 * quantity and market value, which is how a pre-trade check looks ahead without copying the book.
 * Nothing here allocates. This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class LimitEvaluator {

    public static final LimitEvaluator DEFAULT = new LimitEvaluator();

    /** No position is replaced. */
    public static final int NO_TRADE = -1;

    private LimitEvaluator() {
    }

    /** The current value of limit {@code i}. */
    public double value(LimitSet limits, int i, AccountExposure x) {
        return value(limits, i, x, NO_TRADE, 0, 0);
    }

    /** The utilization (value / max) of limit {@code i}. */
    public double utilization(LimitSet limits, int i, AccountExposure x) {
        return value(limits, i, x) / limits.maxValue(i);
    }

    /** The utilization of limit {@code i} if position {@code slot} had quantity {@code qtyAfter} and market value {@code mvAfter}. */
    public double utilizationAfter(LimitSet limits, int i, AccountExposure x, int slot, double qtyAfter, double mvAfter) {
        return value(limits, i, x, slot, qtyAfter, mvAfter) / limits.maxValue(i);
    }

    /**
     * The value of limit {@code i} if position {@code slot} (or none, with {@link #NO_TRADE}) had
     * quantity {@code qtyAfter} and market value {@code mvAfter}.
     */
    public double value(LimitSet limits, int i, AccountExposure x, int slot, double qtyAfter, double mvAfter) {
        LimitMetric metric = limits.metric(i);
        switch (metric) {
            case DAILY_LOSS:
                return Math.max(0, -x.dailyPnl);
            case DRAWDOWN:
                return x.drawdown;
            case VAR_99:
                return x.var99;
            default:
                break;
        }
        LimitScope scope = limits.scope(i);
        String target = limits.target(i);
        double gross = 0;
        double net = 0;
        double largestMv = 0;
        double largestQty = 0;
        double scopeGross = 0;
        double scopeNet = 0;
        double scopeQty = 0;
        for (int p = 0; p < x.size; p++) {
            double q = p == slot ? qtyAfter : x.quantities[p];
            double mv = p == slot ? mvAfter : x.marketValues[p];
            double absMv = Math.abs(mv);
            gross += absMv;
            net += mv;
            largestMv = Math.max(largestMv, absMv);
            largestQty = Math.max(largestQty, Math.abs(q));
            if (scope != LimitScope.ACCOUNT && inScope(scope, target, x, p)) {
                scopeGross += absMv;
                scopeNet += mv;
                scopeQty += Math.abs(q);
            }
        }
        if (scope == LimitScope.ACCOUNT) {
            return switch (metric) {
                case GROSS_NOTIONAL -> gross;
                case NET_NOTIONAL -> Math.abs(net);
                case POSITION_QTY -> largestQty;
                case CONCENTRATION -> gross > 0 ? largestMv / gross : 0;
                case LEVERAGE -> x.leverage(gross);
                default -> throw new IllegalStateException("unhandled metric " + metric);
            };
        }
        return switch (metric) {
            case GROSS_NOTIONAL -> scopeGross;
            case NET_NOTIONAL -> Math.abs(scopeNet);
            case POSITION_QTY -> scopeQty;
            case CONCENTRATION -> gross > 0 ? scopeGross / gross : 0;
            default -> throw new IllegalStateException(metric + " has no " + scope + " scope");
        };
    }

    /**
     * The utilization of every limit before and after one position changes, in one walk over the
     * positions: the account totals are summed once, and each INSTRUMENT or SECTOR limit adds up
     * its own positions on the way. Gives the same figures as {@link #utilization} and
     * {@link #utilizationAfter} limit by limit, at the cost of one pass instead of two per limit.
     *
     * @param slot   the position that changes, or {@link #NO_TRADE} (then before and after are equal)
     * @param before receives the utilization of limit i before the change (length >= limits.size())
     * @param after  receives it after the change
     */
    public void utilizations(LimitSet limits, AccountExposure x, int slot, double qtyAfter, double mvAfter,
                             double[] before, double[] after) {
        int n = limits.size();
        double gross = 0;
        double net = 0;
        double largestMv = 0;
        double largestQty = 0;
        double grossAfter = 0;
        double netAfter = 0;
        double largestMvAfter = 0;
        double largestQtyAfter = 0;
        int scoped = limits.scopedCount();
        for (int p = 0; p < x.size; p++) {
            double q = x.quantities[p];
            double mv = x.marketValues[p];
            double qa = p == slot ? qtyAfter : q;
            double mva = p == slot ? mvAfter : mv;
            double absMv = mv < 0 ? -mv : mv;
            double absMvAfter = mva < 0 ? -mva : mva;
            double absQ = q < 0 ? -q : q;
            double absQa = qa < 0 ? -qa : qa;
            gross += absMv;
            net += mv;
            grossAfter += absMvAfter;
            netAfter += mva;
            // Plain comparisons: Math.max's NaN and signed-zero rules cost time and do not matter here.
            if (absMv > largestMv) {
                largestMv = absMv;
            }
            if (absQ > largestQty) {
                largestQty = absQ;
            }
            if (absMvAfter > largestMvAfter) {
                largestMvAfter = absMvAfter;
            }
            if (absQa > largestQtyAfter) {
                largestQtyAfter = absQa;
            }
        }
        // Each scoped limit sums the positions of its instrument or sector. Keys are matched on the
        // hashes the book keeps first, so a position of another instrument or sector costs one int
        // comparison, not a string comparison (those were 40% of a check when done per position).
        for (int k = 0; k < scoped; k++) {
            int i = limits.scopedIndex(k);
            String target = limits.target(i);
            int hash = target.hashCode();
            boolean instrument = limits.scope(i) == LimitScope.INSTRUMENT;
            String[] keys = instrument ? x.instrumentIds : x.sectors;
            int[] hashes = instrument ? x.instrumentHashes : x.sectorHashes;
            LimitMetric metric = limits.metric(i);
            double b = 0;
            double a = 0;
            for (int p = 0; p < x.size; p++) {
                if (hashes[p] != hash || !target.equals(keys[p])) {
                    continue;
                }
                double q = x.quantities[p];
                double mv = x.marketValues[p];
                double qa = p == slot ? qtyAfter : q;
                double mva = p == slot ? mvAfter : mv;
                switch (metric) {
                    case NET_NOTIONAL -> {
                        b += mv;
                        a += mva;
                    }
                    case POSITION_QTY -> {
                        b += Math.abs(q);
                        a += Math.abs(qa);
                    }
                    default -> {
                        b += Math.abs(mv);
                        a += Math.abs(mva);
                    }
                }
            }
            before[i] = b;
            after[i] = a;
        }
        for (int i = 0; i < n; i++) {
            double max = limits.maxValue(i);
            LimitMetric metric = limits.metric(i);
            double b;
            double a;
            if (limits.scope(i) == LimitScope.ACCOUNT) {
                switch (metric) {
                    case GROSS_NOTIONAL -> {
                        b = gross;
                        a = grossAfter;
                    }
                    case NET_NOTIONAL -> {
                        b = Math.abs(net);
                        a = Math.abs(netAfter);
                    }
                    case POSITION_QTY -> {
                        b = largestQty;
                        a = largestQtyAfter;
                    }
                    case CONCENTRATION -> {
                        b = gross > 0 ? largestMv / gross : 0;
                        a = grossAfter > 0 ? largestMvAfter / grossAfter : 0;
                    }
                    case LEVERAGE -> {
                        b = x.leverage(gross);
                        a = x.leverage(grossAfter);
                    }
                    case DAILY_LOSS -> {
                        b = Math.max(0, -x.dailyPnl);
                        a = b;
                    }
                    case DRAWDOWN -> {
                        b = x.drawdown;
                        a = b;
                    }
                    default -> {
                        b = x.var99;
                        a = b;
                    }
                }
            } else {
                switch (metric) {
                    case NET_NOTIONAL -> {
                        b = Math.abs(before[i]);
                        a = Math.abs(after[i]);
                    }
                    case CONCENTRATION -> {
                        b = gross > 0 ? before[i] / gross : 0;
                        a = grossAfter > 0 ? after[i] / grossAfter : 0;
                    }
                    default -> {
                        b = before[i];
                        a = after[i];
                    }
                }
            }
            before[i] = b / max;
            after[i] = a / max;
        }
    }

    private static boolean inScope(LimitScope scope, String target, AccountExposure x, int p) {
        String key = scope == LimitScope.INSTRUMENT ? x.instrumentIds[p] : x.sectors[p];
        return key != null && key.equals(target);
    }
}
