package io.riskgrid.compute.control;

import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.compute.ingest.AccountChange;
import io.riskgrid.compute.ingest.AccountUpdate;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * A control action on one account, sent to the account's primary node with
 * {@link #run(Ignite, AccountControlJob)} and applied there by {@link AccountBook#update} under the
 * account's lock, together with its audit row and the recomputation of the account's risk and
 * trading state. Subclasses say what changes ({@link #apply}) and how it is audited.
 * <p>
 * Not thread-safe; each instance runs once.
 */
public abstract class AccountControlJob implements IgniteCallable<ControlResult>, AccountChange {

    private static final long serialVersionUID = 1L;

    protected final String accountId;
    protected final String actor;
    protected final String reason;
    protected final long now;

    /** Set by {@link #apply} to refuse the action; nothing is then written. */
    protected transient String problem;
    protected transient boolean notFound;
    protected transient String overrideId;

    @IgniteInstanceResource
    protected transient Ignite ignite;

    protected AccountControlJob(String accountId, String actor, String reason, long now) {
        this.accountId = accountId;
        this.actor = actor;
        this.reason = reason;
        this.now = now;
    }

    /** Runs the job on the primary node of its account and returns what it did. */
    public static ControlResult run(Ignite ignite, AccountControlJob job) {
        return ignite.compute().affinityCall(GridTables.ACCOUNT_RISK, job.accountId, job);
    }

    @Override
    public ControlResult call() {
        if (!ignite.cache(GridTables.ACCOUNTS).containsKey(accountId)) {
            return ControlResult.refused(accountId, "unknown account '" + accountId + "'", true);
        }
        AccountUpdate u;
        try {
            u = new AccountBook(ignite).update(accountId, now, this);
        } catch (Refused r) {
            return ControlResult.refused(accountId, r.getMessage(), r.notFound);
        }
        ControlResult result = ControlResult.applied(accountId, u.stateBefore().name(), u.stateAfter().name());
        result.overrideId = overrideId;
        return result;
    }

    /** Refuses the action from inside {@link #apply}: the transaction rolls back and nothing is written. */
    protected static RuntimeException refuse(String problem, boolean notFound) {
        return new Refused(problem, notFound);
    }

    private static final class Refused extends RuntimeException {
        final boolean notFound;

        Refused(String message, boolean notFound) {
            super(message, null, false, false);
            this.notFound = notFound;
        }
    }
}
