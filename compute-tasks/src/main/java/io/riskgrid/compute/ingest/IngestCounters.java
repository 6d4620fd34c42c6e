package io.riskgrid.compute.ingest;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what this JVM's grid node has ingested, for metrics. One set per JVM: the API's
 * metrics read them when it embeds a server node.
 * <p>
 * This class is thread-safe.
 */
public final class IngestCounters {

    private static final LongAdder FILLS_APPLIED = new LongAdder();
    private static final LongAdder FILLS_DUPLICATE = new LongAdder();
    private static final LongAdder PRICES_APPLIED = new LongAdder();
    private static final LongAdder POSITIONS_REMARKED = new LongAdder();

    private IngestCounters() {
    }

    static void fills(int applied, int duplicates) {
        FILLS_APPLIED.add(applied);
        FILLS_DUPLICATE.add(duplicates);
    }

    static void prices(int applied) {
        PRICES_APPLIED.add(applied);
    }

    static void remarked(int positions) {
        POSITIONS_REMARKED.add(positions);
    }

    public static long fillsApplied() {
        return FILLS_APPLIED.sum();
    }

    public static long fillsDuplicate() {
        return FILLS_DUPLICATE.sum();
    }

    public static long pricesApplied() {
        return PRICES_APPLIED.sum();
    }

    public static long positionsRemarked() {
        return POSITIONS_REMARKED.sum();
    }
}
