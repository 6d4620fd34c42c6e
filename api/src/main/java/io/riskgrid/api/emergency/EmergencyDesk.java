package io.riskgrid.api.emergency;

import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.compute.control.AccountControlJob;
import io.riskgrid.compute.control.ControlResult;
import io.riskgrid.compute.control.FirmControls;
import io.riskgrid.compute.control.KillSwitchJob;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.DrawdownTier;
import io.riskgrid.grid.schema.ControlRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The kill switches: halting and resuming the firm ({@link FirmControls}) or one account
 * ({@link KillSwitchJob} on the account's primary node), each audited as HALT or RESUME with its
 * actor and reason in the same transaction; and the status of both. Every method blocks on the
 * grid: call it through {@link io.riskgrid.api.grid.GridCalls}.
 * <p>
 * This class is thread-safe.
 */
@Component
public class EmergencyDesk {

    /** Every account whose trading is restricted in any way. */
    private static final String RESTRICTED = "SELECT ACCOUNT_ID, TRADING_STATE, KILL_SWITCH, DRAWDOWN_TIER, STATE_OVERRIDE, "
            + "STATE_OVERRIDE_UNTIL FROM ACCOUNT_RISK WHERE TRADING_STATE <> '" + TradingState.ACTIVE + "' OR KILL_SWITCH = TRUE "
            + "OR STATE_OVERRIDE IS NOT NULL OR DRAWDOWN_TIER <> '" + DrawdownTier.NONE + "' ORDER BY ACCOUNT_ID";

    private final Ignite ignite;

    public EmergencyDesk(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * Halts trading of the firm, or of one account.
     *
     * @param accountId the account for {@link Scope#ACCOUNT}, null for {@link Scope#FIRM}
     * @throws NotFoundException if the account does not exist
     */
    public EmergencyResult halt(Scope scope, String accountId, String actor, String reason, long now) {
        if (scope == Scope.FIRM) {
            TradingState before = new FirmControls(ignite).halt(actor, reason, now);
            return new EmergencyResult(scope.name(), null, before.name(), TradingState.HALTED.name());
        }
        return account(KillSwitchJob.halt(accountId, actor, reason, now), accountId);
    }

    /**
     * Resumes trading of the firm, or of one account (its kill switch and drawdown tier are cleared).
     *
     * @throws NotFoundException if the account does not exist
     */
    public EmergencyResult resume(Scope scope, String accountId, String actor, String reason, long now) {
        if (scope == Scope.FIRM) {
            TradingState before = new FirmControls(ignite).resume(actor, reason, now);
            return new EmergencyResult(scope.name(), null, before.name(), TradingState.ACTIVE.name());
        }
        return account(KillSwitchJob.resume(accountId, actor, reason, now), accountId);
    }

    /** The firm's state and every restricted account. */
    public EmergencyStatus status() {
        ControlRow firm = new FirmControls(ignite).read();
        List<EmergencyStatus.AccountState> accounts = new ArrayList<>();
        SqlFieldsQuery q = new SqlFieldsQuery(RESTRICTED).setSchema(GridTables.SCHEMA);
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.ACCOUNT_RISK).query(q)) {
            for (List<?> row : cursor) {
                String override = (String) row.get(4);
                accounts.add(new EmergencyStatus.AccountState((String) row.get(0), (String) row.get(1),
                        Boolean.TRUE.equals(row.get(2)), (String) row.get(3), override,
                        override == null || row.get(5) == null ? null : ((Number) row.get(5)).longValue()));
            }
        }
        return new EmergencyStatus(new EmergencyStatus.FirmState(firm.state, firm.reason, firm.actor,
                firm.since == 0 ? null : firm.since, firm.trigger, firm.triggerValue), accounts);
    }

    private EmergencyResult account(AccountControlJob job, String accountId) {
        ControlResult r = AccountControlJob.run(ignite, job);
        if (!r.ok()) {
            if (r.notFound) {
                throw NotFoundException.account(accountId);
            }
            throw InvalidInputException.of("accountId", r.problem);
        }
        return new EmergencyResult(Scope.ACCOUNT.name(), accountId, r.stateBefore, r.stateAfter);
    }

    /** What a halt or resume applies to. */
    public enum Scope {
        /** Every account of the firm. */
        FIRM,
        /** One account. */
        ACCOUNT
    }
}
