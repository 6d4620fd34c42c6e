package io.riskgrid.core.limit;

import java.util.List;

/**
 * The limits of one account in columns, so that checking them walks arrays and allocates nothing.
 * {@code maxValue} is the effective maximum: a limit raised by an override carries the raised value
 * while the override lasts.
 * <p>
 * This class is immutable and thread-safe once built.
 */
public final class LimitSet {

    /** An account with no limits. */
    public static final LimitSet EMPTY = of(List.of());

    private final String[] limitIds;
    private final LimitMetric[] metrics;
    private final LimitScope[] scopes;
    private final String[] targets;
    private final double[] maxValues;
    private final double[] warnAts;
    /** Indices of the INSTRUMENT and SECTOR limits, the only ones that look at single positions. */
    private int[] scoped;

    private LimitSet(int n) {
        limitIds = new String[n];
        metrics = new LimitMetric[n];
        scopes = new LimitScope[n];
        targets = new String[n];
        maxValues = new double[n];
        warnAts = new double[n];
    }

    /** The limits in the given order. */
    public static LimitSet of(List<AccountLimit> limits) {
        LimitSet s = new LimitSet(limits.size());
        for (int i = 0; i < limits.size(); i++) {
            AccountLimit l = limits.get(i);
            s.limitIds[i] = l.limitId();
            s.metrics[i] = l.metric();
            s.scopes[i] = l.scope();
            s.targets[i] = l.target();
            s.maxValues[i] = l.maxValue();
            s.warnAts[i] = l.warnAt();
        }
        int k = 0;
        int[] scoped = new int[limits.size()];
        for (int i = 0; i < scoped.length; i++) {
            if (s.scopes[i] != LimitScope.ACCOUNT) {
                scoped[k++] = i;
            }
        }
        s.scoped = java.util.Arrays.copyOf(scoped, k);
        return s;
    }

    public int size() {
        return limitIds.length;
    }

    public String limitId(int i) {
        return limitIds[i];
    }

    public LimitMetric metric(int i) {
        return metrics[i];
    }

    public LimitScope scope(int i) {
        return scopes[i];
    }

    public String target(int i) {
        return targets[i];
    }

    public double maxValue(int i) {
        return maxValues[i];
    }

    public double warnAt(int i) {
        return warnAts[i];
    }

    /** How many limits have INSTRUMENT or SECTOR scope. */
    int scopedCount() {
        return scoped.length;
    }

    /** The index of the k-th INSTRUMENT or SECTOR limit. */
    int scopedIndex(int k) {
        return scoped[k];
    }

    /** The index of a limit id, or -1. */
    public int indexOf(String limitId) {
        for (int i = 0; i < limitIds.length; i++) {
            if (limitIds[i].equals(limitId)) {
                return i;
            }
        }
        return -1;
    }
}
