package io.riskgrid.compute.control;

import io.riskgrid.compute.ingest.AccountUpdate;
import io.riskgrid.core.control.DrawdownTier;

/**
 * The kill switch of one account: HALT sets it, so the account is HALTED whatever its drawdown or
 * overrides; RESUME clears it and also clears the drawdown tier the account has held since its last
 * resume, so the account returns to the tier its drawdown is in now. Audited as HALT or RESUME
 * with the trading state before and after.
 */
public final class KillSwitchJob extends AccountControlJob {

    private static final long serialVersionUID = 1L;

    private final boolean halt;

    private KillSwitchJob(String accountId, boolean halt, String actor, String reason, long now) {
        super(accountId, actor, reason, now);
        this.halt = halt;
    }

    public static KillSwitchJob halt(String accountId, String actor, String reason, long now) {
        return new KillSwitchJob(accountId, true, actor, reason, now);
    }

    public static KillSwitchJob resume(String accountId, String actor, String reason, long now) {
        return new KillSwitchJob(accountId, false, actor, reason, now);
    }

    @Override
    public void apply(AccountUpdate u) {
        u.risk().killSwitch = halt;
        if (!halt) {
            u.risk().drawdownTier = DrawdownTier.NONE.name();
        }
    }

    @Override
    public void afterRecompute(AccountUpdate u) {
        u.audit(AuditTrail.row(now, actor, halt ? "HALT" : "RESUME", accountId, u.stateBefore().name(),
                u.stateAfter().name(), reason, null, halt ? "account kill switch on" : "account kill switch off; drawdown tier "
                        + u.risk().drawdownTier));
    }
}
