package io.riskgrid.api.stream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The outbound buffer of one stream client: at most one frame waits per key (an account, an
 * alert), the latest one, so a client that reads slowly receives every key's latest state late
 * instead of an ever-growing backlog, and the thread that offers a frame (the grid's
 * continuous-query callback) never waits for the client.
 * <ul>
 *   <li><b>Latest wins.</b> A frame offered while an older frame of the same key still waits
 *       replaces it, keeping its place in line; the older frame is dropped and counted
 *       ({@link Drops#superseded}).</li>
 *   <li><b>Bounded.</b> At most {@code maxKeys} keys are remembered. A new key beyond that evicts
 *       the key heard from longest ago; if that key still had a frame waiting, the frame is dropped
 *       and counted ({@link Drops#overflow}).</li>
 *   <li><b>Versions.</b> A frame older (lower version) than the frame already waiting or last sent
 *       for its key is ignored, so a snapshot read from the grid cannot overtake a newer change that
 *       the continuous query delivered first. Equal versions are taken (the later offer wins).</li>
 *   <li><b>Throttled.</b> A key sends at most one frame per {@code minIntervalNanos}; a frame that
 *       arrives sooner waits (and may be replaced) until {@link #drain()} finds its time has come.
 *       The owner calls {@link #drain()} periodically for that.</li>
 *   <li><b>Demand.</b> Frames go out only while the subscriber has requested more, in the order
 *       their keys first waited; a throttled key does not hold up the keys behind it.</li>
 * </ul>
 * This class is thread-safe: offers and drains may come from any thread.
 *
 * @param <K> the key type
 * @param <V> the frame type
 */
final class Conflator<K, V> {

    /** Where dropped frames are counted. */
    interface Drops {
        /** A waiting frame was replaced by a newer one of the same key. */
        void superseded();

        /** A waiting frame was evicted because the buffer was full. */
        void overflow();
    }

    /** What the buffer remembers of one key. */
    private static final class KeyState<V> {
        V waiting;
        long version = Long.MIN_VALUE;
        long sentAtNanos;
        boolean sentOnce;
    }

    private final long minIntervalNanos;
    private final int maxKeys;
    private final Drops drops;
    private final LongSupplier nanoClock;

    /** Every remembered key, the one offered longest ago first. Guarded by {@code this}. */
    private final LinkedHashMap<K, KeyState<V>> keys = new LinkedHashMap<>(16, 0.75f, true);
    /** The keys with a frame waiting, in the order they began to wait. Guarded by {@code this}. */
    private final LinkedHashMap<K, KeyState<V>> waiting = new LinkedHashMap<>();
    /** Guarded by {@code this}. */
    private FluxSink<V> sink;
    private boolean done;
    /** One thread drains at a time; another that wants to drain meanwhile sets {@code missed}. Guarded by {@code this}. */
    private boolean draining;
    private boolean missed;

    Conflator(long minIntervalNanos, int maxKeys, Drops drops, LongSupplier nanoClock) {
        if (minIntervalNanos < 0) {
            throw new IllegalArgumentException("minIntervalNanos must be >= 0, got " + minIntervalNanos);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be >= 1, got " + maxKeys);
        }
        this.minIntervalNanos = minIntervalNanos;
        this.maxKeys = maxKeys;
        this.drops = drops;
        this.nanoClock = nanoClock;
    }

    /**
     * The frames, for one subscriber: subscribing connects it, cancelling disconnects it for good,
     * {@link #complete()} ends it. A second subscriber is refused with an error.
     */
    Flux<V> frames() {
        return Flux.create(s -> {
            synchronized (this) {
                if (sink != null || done) {
                    s.error(new IllegalStateException("a conflator serves one subscriber"));
                    return;
                }
                sink = s;
            }
            s.onRequest(n -> drain());
            s.onDispose(() -> {
                synchronized (this) {
                    done = true;
                    keys.clear();
                    waiting.clear();
                }
            });
            drain();
        }, FluxSink.OverflowStrategy.ERROR);
    }

    /** Offers the frame of {@code key}: it waits until it can be sent, or until a newer frame replaces it. */
    void offer(K key, long version, V frame) {
        synchronized (this) {
            if (done) {
                return;
            }
            KeyState<V> state = keys.get(key);
            if (state == null) {
                if (keys.size() >= maxKeys) {
                    evictEldest();
                }
                state = new KeyState<>();
                keys.put(key, state);
            } else if (version < state.version) {
                return;
            }
            state.version = version;
            if (state.waiting != null) {
                drops.superseded();
            } else {
                waiting.put(key, state);
            }
            state.waiting = frame;
        }
        drain();
    }

    /**
     * Sends what may be sent now: frames whose key is not throttled, as many as the subscriber has
     * requested. Frames are handed on outside the lock, by one thread at a time, so a subscriber
     * that requests more from inside {@code onNext} re-enters safely.
     */
    void drain() {
        synchronized (this) {
            if (draining) {
                missed = true;
                return;
            }
            draining = true;
        }
        while (true) {
            List<V> batch;
            FluxSink<V> out;
            synchronized (this) {
                out = sink;
                batch = out == null || done ? List.of() : due(out.requestedFromDownstream());
                if (batch.isEmpty() && !missed) {
                    draining = false;
                    return;
                }
                missed = false;
            }
            for (V frame : batch) {
                out.next(frame);
            }
        }
    }

    /** Takes up to {@code budget} frames that may go now, in line order. Caller holds the lock. */
    private List<V> due(long budget) {
        if (budget <= 0 || waiting.isEmpty()) {
            return List.of();
        }
        long now = nanoClock.getAsLong();
        List<V> batch = new ArrayList<>((int) Math.min(budget, waiting.size()));
        Iterator<KeyState<V>> it = waiting.values().iterator();
        while (it.hasNext() && batch.size() < budget) {
            KeyState<V> state = it.next();
            if (state.sentOnce && now - state.sentAtNanos < minIntervalNanos) {
                continue;
            }
            batch.add(state.waiting);
            state.waiting = null;
            state.sentOnce = true;
            state.sentAtNanos = now;
            it.remove();
        }
        return batch;
    }

    /** Ends the subscriber's stream (the application is stopping); later offers are ignored. */
    void complete() {
        FluxSink<V> out;
        synchronized (this) {
            done = true;
            out = sink;
        }
        if (out != null) {
            out.complete();
        }
    }

    /** Frames waiting to be sent. */
    synchronized int waitingCount() {
        return waiting.size();
    }

    /** Keys remembered. */
    synchronized int keyCount() {
        return keys.size();
    }

    private void evictEldest() {
        Iterator<Map.Entry<K, KeyState<V>>> it = keys.entrySet().iterator();
        Map.Entry<K, KeyState<V>> eldest = it.next();
        it.remove();
        if (eldest.getValue().waiting != null) {
            waiting.remove(eldest.getKey());
            drops.overflow();
        }
    }

    /** For tests: the keys in line, in order. */
    synchronized Map<K, V> waitingFrames() {
        Map<K, V> copy = new LinkedHashMap<>();
        waiting.forEach((k, s) -> copy.put(k, s.waiting));
        return copy;
    }
}
