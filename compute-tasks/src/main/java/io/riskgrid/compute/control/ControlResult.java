package io.riskgrid.compute.control;

/**
 * What a control action did to an account: its trading state before and after, or why it was not
 * applied ({@code problem}, with {@code notFound} when an account or limit does not exist).
 * <p>
 * A plain carrier with public fields because Ignite's binary marshaller returns it from the
 * account's primary node. Not thread-safe.
 */
public final class ControlResult {

    public String accountId;
    public String stateBefore;
    public String stateAfter;
    /** The id of the override created, for override actions. */
    public String overrideId;
    public String problem;
    public boolean notFound;

    public static ControlResult applied(String accountId, String before, String after) {
        ControlResult r = new ControlResult();
        r.accountId = accountId;
        r.stateBefore = before;
        r.stateAfter = after;
        return r;
    }

    public static ControlResult refused(String accountId, String problem, boolean notFound) {
        ControlResult r = new ControlResult();
        r.accountId = accountId;
        r.problem = problem;
        r.notFound = notFound;
        return r;
    }

    public boolean ok() {
        return problem == null;
    }
}
