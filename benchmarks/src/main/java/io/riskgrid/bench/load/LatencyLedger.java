package io.riskgrid.bench.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Matches the alert events of the alert-latency benchmark to the fills that caused them and
 * records the latency of each. For every account it keeps the send time of its last
 * {@code slotsPerAccount} fills, indexed by the fill's ordinal, so that an event that arrives after
 * the account's next fill was already sent is still matched to its own fill (never to the newer
 * one). An event is counted once: a second event for the same fill is {@link Outcome#DUPLICATE}.
 * <p>
 * Fills are sent in a phase: phase 0 is not measured (warm-up); each measured phase (from
 * {@link #openPhase()}) has its own {@link Tally}. Latency is recorded twice: from the moment the
 * fill's batch was submitted, and from the moment the schedule said it was due, which also counts
 * the time a sender that fell behind kept the fill waiting (coordinated omission).
 * <p>
 * This class is thread-safe: senders call {@link #sent} (one sender per account) while Ignite's
 * callback threads call {@link #answered}. The one race it does not close: an event that arrives
 * after its account has sent {@code slotsPerAccount} more fills finds its slot reused and is
 * {@link Outcome#STALE} (counted as lost), which at the default 256 slots needs a multi-second delay.
 */
public final class LatencyLedger {

    /** What {@link #answered} made of an event. */
    public enum Outcome { MEASURED, WARM_UP, STALE, DUPLICATE }

    /** The most phases one ledger holds, phase 0 included. */
    public static final int MAX_PHASES = 256;

    private static final long EMPTY = -1;

    private final int accounts;
    private final int slots;
    private final int slotMask;
    private final AtomicLongArray tags;
    private final AtomicLongArray sentNanos;
    private final AtomicLongArray dueNanos;
    private final Tally[] tallies = new Tally[MAX_PHASES];
    private final LongAdder unmatched = new LongAdder();
    private int phases = 1;

    /**
     * @param accounts        accounts the benchmark trades, at least 1
     * @param slotsPerAccount fills remembered per account, a power of 2
     */
    public LatencyLedger(int accounts, int slotsPerAccount) {
        if (accounts < 1) {
            throw new IllegalArgumentException("accounts must be at least 1, was " + accounts);
        }
        if (slotsPerAccount < 1 || Integer.bitCount(slotsPerAccount) != 1) {
            throw new IllegalArgumentException("slotsPerAccount must be a power of 2, was " + slotsPerAccount);
        }
        long size = (long) accounts * slotsPerAccount;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("accounts * slotsPerAccount must fit in an int, was " + size);
        }
        this.accounts = accounts;
        this.slots = slotsPerAccount;
        this.slotMask = slotsPerAccount - 1;
        this.tags = new AtomicLongArray((int) size);
        this.sentNanos = new AtomicLongArray((int) size);
        this.dueNanos = new AtomicLongArray((int) size);
        for (int i = 0; i < size; i++) {
            tags.set(i, EMPTY);
        }
        tallies[0] = new Tally();
    }

    /** Starts a measured phase; fills sent with the returned id are measured in its {@link Tally}. */
    public synchronized int openPhase() {
        if (phases >= MAX_PHASES) {
            throw new IllegalStateException("a ledger holds at most " + (MAX_PHASES - 1) + " measured phases");
        }
        tallies[phases] = new Tally();
        return phases++;
    }

    /** The tally of a phase (0 is the warm-up). */
    public synchronized Tally tally(int phase) {
        checkPhase(phase);
        return tallies[phase];
    }

    /**
     * Records that fill {@code ordinal} of account {@code account} was submitted at {@code sent}
     * having been due at {@code due} (both {@link System#nanoTime()}). Call it before the fill can
     * be applied, so that its event can never arrive first.
     */
    public void sent(int account, long ordinal, int phase, long due, long sent) {
        checkAccount(account);
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must not be negative, was " + ordinal);
        }
        Tally tally = tallies[checkPhase(phase)];
        int i = index(account, ordinal);
        tally.sent.increment();
        sentNanos.set(i, sent);
        dueNanos.set(i, due);
        tags.set(i, tag(ordinal, phase));
    }

    /** Records the event that answers fill {@code ordinal} of {@code account}, seen at {@code now}. */
    public Outcome answered(int account, long ordinal, long now) {
        if (account < 0 || account >= accounts || ordinal < 0) {
            unmatched.increment();
            return Outcome.STALE;
        }
        int i = index(account, ordinal);
        long tag = tags.get(i);
        if (tag == EMPTY) {
            unmatched.increment();
            return Outcome.DUPLICATE;
        }
        if (tag >>> 8 != ordinal) {
            // The slot holds another fill of the account: this event's fill was forgotten.
            unmatched.increment();
            return Outcome.STALE;
        }
        long sent = sentNanos.get(i);
        long due = dueNanos.get(i);
        if (!tags.compareAndSet(i, tag, EMPTY)) {
            unmatched.increment();
            return Outcome.DUPLICATE;
        }
        int phase = (int) (tag & 0xFF);
        Tally tally = tallies[phase];
        tally.answered.increment();
        if (phase == 0) {
            return Outcome.WARM_UP;
        }
        tally.fromSend.recordValue(Math.max(0, now - sent));
        tally.fromDue.recordValue(Math.max(0, now - due));
        return Outcome.MEASURED;
    }

    /** Events that matched no outstanding fill (stale, repeated or unknown). */
    public long unmatched() {
        return unmatched.sum();
    }

    private int index(int account, long ordinal) {
        return account * slots + (int) (ordinal & slotMask);
    }

    private static long tag(long ordinal, int phase) {
        return ordinal << 8 | phase;
    }

    private void checkAccount(int account) {
        if (account < 0 || account >= accounts) {
            throw new IllegalArgumentException("account must be in [0, " + accounts + "), was " + account);
        }
    }

    private int checkPhase(int phase) {
        if (phase < 0 || phase >= MAX_PHASES || tallies[phase] == null) {
            throw new IllegalArgumentException("phase " + phase + " was not opened");
        }
        return phase;
    }

    /** The fills and events of one phase. Thread-safe. */
    public static final class Tally {
        private final LongAdder sent = new LongAdder();
        private final LongAdder answered = new LongAdder();
        private final ConcurrentHistogram fromSend = new ConcurrentHistogram(3);
        private final ConcurrentHistogram fromDue = new ConcurrentHistogram(3);

        /** Fills sent in the phase. */
        public long sent() {
            return sent.sum();
        }

        /** Fills of the phase whose event has arrived. */
        public long answered() {
            return answered.sum();
        }

        /** Fills of the phase still waiting for their event. */
        public long outstanding() {
            return sent() - answered();
        }

        /** Latency from submit to event, ns (a copy). */
        public Histogram fromSend() {
            return fromSend.copy();
        }

        /** Latency from due time to event, ns (a copy). */
        public Histogram fromDue() {
            return fromDue.copy();
        }
    }
}
