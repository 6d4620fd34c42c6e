package io.riskgrid.compute.control;

import io.riskgrid.grid.schema.AuditRow;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds AUDIT_LOG rows and their event ids. An event id is the time in milliseconds, a per-JVM
 * sequence and a random part ({@code 0000018c2f3a1b2c-000042-5f3a9c1e}): ids sort by time, and two
 * JVMs writing in the same millisecond cannot collide in practice.
 * <p>
 * Actions: HALT, RESUME (account or firm kill switch), LIMIT_SET, LIMIT_OVERRIDE, STATE_OVERRIDE,
 * OVERRIDE_EXPIRED, ALERT_ACKNOWLEDGED, DRAWDOWN_TIER, TRADING_STATE, CIRCUIT_BREAKER, POLICY_SET.
 * Automatic actions have the actor {@value #SYSTEM}. This class is stateless apart from the
 * sequence and thread-safe.
 */
public final class AuditTrail {

    /** The actor of automatic actions. */
    public static final String SYSTEM = "system";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AuditTrail() {
    }

    /** A new, unique, time-ordered event id. */
    public static String newEventId(long now) {
        return String.format("%016x-%06x-%08x", now, SEQUENCE.incrementAndGet() & 0xffffff,
                ThreadLocalRandom.current().nextInt());
    }

    /** An audit row; {@code accountId} is null for firm-wide actions. */
    public static AuditRow row(long ts, String actor, String action, String accountId, String before, String after,
                               String reason, Double triggerValue, String details) {
        AuditRow r = new AuditRow();
        r.ts = ts;
        r.actor = actor;
        r.action = action;
        r.accountId = accountId;
        r.before = before;
        r.after = after;
        r.reason = reason;
        r.triggerValue = triggerValue;
        r.details = details;
        return r;
    }
}
