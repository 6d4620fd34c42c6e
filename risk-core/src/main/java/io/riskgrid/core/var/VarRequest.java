package io.riskgrid.core.var;

import io.riskgrid.core.Guard;

/**
 * A request for the VaR of an account or of the firm, computed next to the positions: the method,
 * the confidence, the horizon in days and, for Monte Carlo, the number of paths and the seed (the
 * same seed gives the same figure, bit for bit). Historical simulation replays the grid's daily
 * return history.
 * <p>
 * A plain class (not a record) so that Ignite's binary marshaller can carry it, also from a thin
 * client by task name. Validated at construction; immutable and thread-safe.
 */
public final class VarRequest {

    /** Paths when none are given: the figure of the performance target, and a sampling error near 1%. */
    public static final int DEFAULT_PATHS = 10_000;
    /** Most paths one request may ask for: a firm job holds one P&L per path on every node. */
    public static final int MAX_PATHS = 1_000_000;
    /** Longest horizon, in days: beyond a quarter the square-root-of-time scaling means little. */
    public static final int MAX_HORIZON_DAYS = 250;

    private final String scope;
    private final String accountId;
    private final String method;
    private final double confidence;
    private final int horizonDays;
    private final int paths;
    private final long seed;

    private VarRequest(VarScope scope, String accountId, VarMethod method, double confidence, int horizonDays,
                       int paths, long seed) {
        this.scope = Guard.notNull(scope, "scope").name();
        this.accountId = scope == VarScope.ACCOUNT ? Guard.notBlank(accountId, "accountId") : null;
        if (scope == VarScope.FIRM && accountId != null) {
            throw new IllegalArgumentException("accountId applies to scope ACCOUNT only; leave it out for FIRM");
        }
        this.method = Guard.notNull(method, "method").name();
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (exclusive), was " + confidence);
        }
        this.confidence = confidence;
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("horizonDays must be between 1 and " + MAX_HORIZON_DAYS + ", was "
                    + horizonDays);
        }
        this.horizonDays = horizonDays;
        if (paths < 100 || paths > MAX_PATHS) {
            throw new IllegalArgumentException("paths must be between 100 and " + MAX_PATHS + ", was " + paths);
        }
        this.paths = paths;
        this.seed = seed;
    }

    /** The VaR of one account's book. */
    public static VarRequest account(String accountId, VarMethod method, double confidence, int horizonDays,
                                     int paths, long seed) {
        return new VarRequest(VarScope.ACCOUNT, accountId, method, confidence, horizonDays, paths, seed);
    }

    /** The VaR of the firm's whole book: every account's positions in one portfolio. */
    public static VarRequest firm(VarMethod method, double confidence, int horizonDays, int paths, long seed) {
        return new VarRequest(VarScope.FIRM, null, method, confidence, horizonDays, paths, seed);
    }

    public VarScope scope() {
        return VarScope.valueOf(scope);
    }

    /** The account, for scope ACCOUNT; null for FIRM. */
    public String accountId() {
        return accountId;
    }

    public VarMethod method() {
        return VarMethod.valueOf(method);
    }

    public double confidence() {
        return confidence;
    }

    public int horizonDays() {
        return horizonDays;
    }

    /** Monte Carlo paths (ignored by the other methods). */
    public int paths() {
        return paths;
    }

    /** Monte Carlo seed (ignored by the other methods). */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "VarRequest[" + scope + (accountId == null ? "" : " " + accountId) + ", " + method + ", confidence "
                + confidence + ", " + horizonDays + "d" + (VarMethod.MONTE_CARLO.name().equals(method)
                ? ", " + paths + " paths, seed " + seed : "") + "]";
    }
}
