package io.riskgrid.compute.control;

import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.BreakerTrip;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.ControlRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.transactions.Transaction;

import java.util.Locale;

import static org.apache.ignite.transactions.TransactionConcurrency.PESSIMISTIC;
import static org.apache.ignite.transactions.TransactionIsolation.REPEATABLE_READ;

/**
 * The firm-wide trading state (TRADING_CONTROLS row FIRM), which applies on top of every account's
 * own state: the firm kill switch and the circuit breakers set it to HALTED, a person resumes it.
 * Every change is written with its audit row in one transaction. The row is replicated, so reading
 * it is local on every server node.
 * <p>
 * This class is thread-safe.
 */
public final class FirmControls {

    private final Ignite ignite;
    private final IgniteCache<String, ControlRow> controls;
    private final IgniteCache<String, AuditRow> audit;

    public FirmControls(Ignite ignite) {
        this.ignite = ignite;
        this.controls = ignite.cache(GridTables.TRADING_CONTROLS);
        this.audit = ignite.cache(GridTables.AUDIT_LOG);
    }

    /** The firm's control row; ACTIVE with no reason when none was ever written. */
    public ControlRow read() {
        ControlRow row = controls.get(GridTables.FIRM);
        if (row == null) {
            row = new ControlRow();
            row.state = TradingState.ACTIVE.name();
        }
        return row;
    }

    /** The firm's trading state. */
    public TradingState state() {
        return TradingState.valueOf(read().state);
    }

    /** Halts the firm by hand. @return the state before */
    public TradingState halt(String actor, String reason, long now) {
        return set(TradingState.HALTED, actor, "HALT", reason, null, null, now);
    }

    /** Resumes the firm by hand. @return the state before */
    public TradingState resume(String actor, String reason, long now) {
        return set(TradingState.ACTIVE, actor, "RESUME", reason, null, null, now);
    }

    /**
     * Halts the firm because a circuit breaker tripped, unless it is already halted.
     *
     * @return true if this call halted the firm
     */
    public boolean trip(BreakerTrip trip, long now) {
        if (state() == TradingState.HALTED) {
            return false;
        }
        set(TradingState.HALTED, AuditTrail.SYSTEM, "CIRCUIT_BREAKER", trip.describe(), trip.breaker(), trip.value(), now);
        return true;
    }

    private TradingState set(TradingState state, String actor, String action, String reason, String trigger,
                             Double triggerValue, long now) {
        try (Transaction tx = ignite.transactions().txStart(PESSIMISTIC, REPEATABLE_READ)) {
            ControlRow before = controls.get(GridTables.FIRM);
            TradingState previous = before == null ? TradingState.ACTIVE : TradingState.valueOf(before.state);
            ControlRow row = new ControlRow();
            row.state = state.name();
            row.reason = reason;
            row.actor = actor;
            row.since = now;
            row.trigger = trigger;
            row.triggerValue = triggerValue;
            controls.put(GridTables.FIRM, row);
            audit.put(AuditTrail.newEventId(now), AuditTrail.row(now, actor, action, null, previous.name(), state.name(),
                    reason, triggerValue, trigger == null ? "firm kill switch" : String.format(Locale.ROOT,
                            "firm circuit breaker %s", trigger)));
            tx.commit();
            return previous;
        }
    }
}
