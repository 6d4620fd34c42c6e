package io.riskgrid.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop send schedule: batches of {@code batchSize} fills at a steady {@code fillsPerSecond},
 * batch {@code k} due {@code k * batchSize / fillsPerSecond} seconds after the start. The schedule
 * does not move when a send is late, so a sender that falls behind sends its overdue batches at once
 * and the lag is visible (latency measured from the due time includes it).
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param fillsPerSecond the target rate, strictly positive
 * @param batchSize      fills per batch, at least 1
 */
public record Pacing(double fillsPerSecond, int batchSize) {

    public Pacing {
        if (!(fillsPerSecond > 0) || Double.isInfinite(fillsPerSecond)) {
            throw new IllegalArgumentException("fillsPerSecond must be positive and finite, was " + fillsPerSecond);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
    }

    /**
     * The share of this schedule that one of {@code senders} parallel senders keeps: the same batch
     * size at {@code 1/senders} of the rate.
     */
    public Pacing perSender(int senders) {
        if (senders < 1) {
            throw new IllegalArgumentException("senders must be at least 1, was " + senders);
        }
        return new Pacing(fillsPerSecond / senders, batchSize);
    }

    /** Time between two batches, ns (fractional: 100 fills at 30,000/s is 3,333,333.3 ns). */
    public double intervalNanos() {
        return batchSize * 1e9 / fillsPerSecond;
    }

    /**
     * When batch {@code batchIndex} (from 0) is due, in the {@link System#nanoTime()} scale of
     * {@code startNanos}. Computed from the start rather than added up, so rounding never drifts.
     */
    public long dueNanos(long startNanos, long batchIndex) {
        if (batchIndex < 0) {
            throw new IllegalArgumentException("batchIndex must not be negative, was " + batchIndex);
        }
        return startNanos + Math.round(batchIndex * intervalNanos());
    }

    /** How many batches fall due in a window of {@code windowNanos} from the start (those due before its end). */
    public long batchesIn(long windowNanos) {
        if (windowNanos <= 0) {
            return 0;
        }
        return (long) Math.ceil(windowNanos / intervalNanos());
    }

    /**
     * Waits until {@code System.nanoTime()} reaches {@code deadlineNanos}, or returns at once when it
     * has passed. It parks rather than spins: on a two-core machine a spinning sender would take CPU
     * from the node it measures, and a park's overshoot of some tens of microseconds is small beside
     * a batch interval of milliseconds (the send time is read after the wait, so it is not hidden).
     */
    public static void awaitNanos(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
