package io.riskgrid.compute.ingest;

import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.LimitRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One change to an account inside {@link AccountBook#update}: the locked ACCOUNT_RISK row, the
 * account's limits by id, and the audit rows to write, all committed together with the recomputed
 * risk. An {@link AccountChange} edits the row's control fields and the limits; the book then
 * recomputes utilizations, breaches, drawdown tier and trading state.
 * <p>
 * Not thread-safe: it lives inside one transaction on one thread.
 */
public final class AccountUpdate {

    final String accountId;
    final long now;
    final RiskPolicy policy;
    final AccountRiskRow risk;
    final TreeMap<String, LimitRow> limits;
    final TreeMap<String, LimitRow> changedLimits = new TreeMap<>();
    final List<AuditRow> audits = new ArrayList<>();
    TradingState stateBefore;
    TradingState stateAfter;
    boolean manual;

    AccountUpdate(String accountId, long now, RiskPolicy policy, AccountRiskRow risk, TreeMap<String, LimitRow> limits) {
        this.accountId = accountId;
        this.now = now;
        this.policy = policy;
        this.risk = risk;
        this.limits = limits;
    }

    public String accountId() {
        return accountId;
    }

    public long now() {
        return now;
    }

    public RiskPolicy policy() {
        return policy;
    }

    /** The account's risk row, locked; change only its control fields (kill switch, overrides, tier). */
    public AccountRiskRow risk() {
        return risk;
    }

    /** The account's limits by id, as read under the lock. */
    public Map<String, LimitRow> limits() {
        return java.util.Collections.unmodifiableMap(limits);
    }

    /** Adds or replaces a limit. */
    public void putLimit(String limitId, LimitRow row) {
        limits.put(limitId, row);
        changedLimits.put(limitId, row);
    }

    /** Records an action in AUDIT_LOG, in the same transaction. */
    public void audit(AuditRow row) {
        audits.add(row);
    }

    /** The account's trading state before the change. */
    public TradingState stateBefore() {
        return stateBefore;
    }

    /** The account's trading state after the change and the recomputation; null until then. */
    public TradingState stateAfter() {
        return stateAfter;
    }
}
