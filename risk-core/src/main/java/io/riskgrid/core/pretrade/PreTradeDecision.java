package io.riskgrid.core.pretrade;

import java.util.List;

/**
 * The answer to a {@link PreTradeOrder}: approved or not, the reasons in words, the trading states
 * that applied, and every limit's utilization before and after the order.
 * {@code problem} is set instead when the order could not be checked (an unknown account or
 * instrument; {@code notFound} says which kind of failure it is).
 * <p>
 * A plain class (not a record) so that Ignite's binary marshaller can carry it to thin clients.
 * Not modified after construction; safe to share between threads.
 */
public final class PreTradeDecision {

    private static final String[] NONE = new String[0];
    private static final double[] NO_VALUES = new double[0];

    private boolean approved;
    private String accountState;
    private String firmState;
    private String drawdownTier;
    private boolean riskIncreasing;
    private String[] reasons = NONE;
    private String[] reasonCodes = NONE;
    private String[] limitIds = NONE;
    private String[] metrics = NONE;
    private double[] utilizationBefore = NO_VALUES;
    private double[] utilizationAfter = NO_VALUES;
    private String problem;
    private boolean notFound;

    private PreTradeDecision() {
    }

    /** A checked order. Arrays {@code limitIds}, {@code metrics} and both utilizations are parallel. */
    public static PreTradeDecision of(boolean approved, String accountState, String firmState, String drawdownTier,
                                      boolean riskIncreasing, List<String> reasons, List<String> reasonCodes,
                                      String[] limitIds, String[] metrics, double[] utilizationBefore,
                                      double[] utilizationAfter) {
        PreTradeDecision d = new PreTradeDecision();
        d.approved = approved;
        d.accountState = accountState;
        d.firmState = firmState;
        d.drawdownTier = drawdownTier;
        d.riskIncreasing = riskIncreasing;
        d.reasons = reasons.toArray(NONE);
        d.reasonCodes = reasonCodes.toArray(NONE);
        d.limitIds = limitIds;
        d.metrics = metrics;
        d.utilizationBefore = utilizationBefore;
        d.utilizationAfter = utilizationAfter;
        return d;
    }

    /** An order that could not be checked; it is not approved. */
    public static PreTradeDecision problem(String problem, boolean notFound) {
        PreTradeDecision d = new PreTradeDecision();
        d.problem = problem;
        d.notFound = notFound;
        d.reasons = new String[]{problem};
        return d;
    }

    public boolean approved() {
        return approved;
    }

    public String accountState() {
        return accountState;
    }

    public String firmState() {
        return firmState;
    }

    public String drawdownTier() {
        return drawdownTier;
    }

    public boolean riskIncreasing() {
        return riskIncreasing;
    }

    public List<String> reasons() {
        return List.of(reasons);
    }

    public List<String> reasonCodes() {
        return List.of(reasonCodes);
    }

    public List<String> limitIds() {
        return List.of(limitIds);
    }

    public List<String> metrics() {
        return List.of(metrics);
    }

    public double utilizationBefore(int i) {
        return utilizationBefore[i];
    }

    public double utilizationAfter(int i) {
        return utilizationAfter[i];
    }

    /** Why the order could not be checked, or null. */
    public String problem() {
        return problem;
    }

    public boolean notFound() {
        return notFound;
    }
}
