package io.riskgrid.grid.admin;

import io.riskgrid.compute.control.AuditTrail;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Lost partitions of the partitioned RiskGrid caches, and their reset.
 * <p>
 * A partition is lost when every node that held a complete copy of it has left the cluster (with one
 * backup: its primary and its backup at once). The caches' partition-loss policy, READ_WRITE_SAFE,
 * makes every read and write of a key in a lost partition fail instead of answering from the
 * missing data (a read that returned null would say "no position" where there was one). Resetting
 * makes the partitions usable again, <b>empty</b> in an in-memory cluster: whatever they held is
 * gone, which is why a reset is a deliberate, audited act of an operator. With persistence, bring the
 * failed nodes back first, and their data with them, before resetting what is still lost.
 * <p>
 * Blocks on the grid. This class is stateless and thread-safe.
 */
public final class LostPartitions {

    /** The AUDIT_LOG action of a reset. */
    public static final String AUDIT_ACTION = "LOST_PARTITIONS_RESET";

    private LostPartitions() {
    }

    /** The lost partitions of each partitioned cache that has any, ids ascending, in GridTables order. */
    public static Map<String, List<Integer>> of(Ignite ignite) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (String name : PartitionedCaches.NAMES) {
            IgniteCache<?, ?> cache = ignite.cache(name);
            if (cache == null) {
                continue;
            }
            List<Integer> lost = ids(cache);
            if (!lost.isEmpty()) {
                out.put(name, lost);
            }
        }
        return out;
    }

    /** The ids of the cache's lost partitions, ascending. */
    static List<Integer> ids(IgniteCache<?, ?> cache) {
        List<Integer> lost = new ArrayList<>(cache.lostPartitions());
        lost.sort(null);
        return List.copyOf(lost);
    }

    /**
     * Resets the lost partitions of every partitioned cache that has any ({@code Ignite.resetLostPartitions}),
     * then writes one AUDIT_LOG row (action {@value #AUDIT_ACTION}) naming the caches, how many
     * partitions each had lost and which. The row is written after the reset, because AUDIT_LOG is one
     * of the caches and the row's own partition may be among the lost ones. Nothing is reset and
     * nothing audited when no partition is lost.
     *
     * @param actor  who resets, for the audit log
     * @param reason why, for the audit log; required
     * @param now    the time of the reset, epoch ms
     */
    public static ResetReport reset(Ignite ignite, String actor, String reason, long now) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor is required");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
        Map<String, List<Integer>> lost = of(ignite);
        if (lost.isEmpty()) {
            return new ResetReport(Map.of(), 0, null);
        }
        ignite.resetLostPartitions(lost.keySet());
        Map<String, Integer> counts = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, List<Integer>> e : lost.entrySet()) {
            counts.put(e.getKey(), e.getValue().size());
            total += e.getValue().size();
        }
        String eventId = AuditTrail.newEventId(now);
        AuditRow row = AuditTrail.row(now, actor, AUDIT_ACTION, null, total + " lost partitions", "reset: usable again, empty",
                reason, null, details(lost));
        ignite.<String, AuditRow>cache(GridTables.AUDIT_LOG).put(eventId, row);
        return new ResetReport(counts, total, eventId);
    }

    /**
     * The audit row's details: each set of partition ids with the caches that lost exactly those
     * (the caches share one affinity function, so usually one set names every cache).
     */
    static String details(Map<String, List<Integer>> lost) {
        Map<List<Integer>, List<String>> byIds = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : lost.entrySet()) {
            byIds.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        StringJoiner out = new StringJoiner("; ");
        for (Map.Entry<List<Integer>, List<String>> e : byIds.entrySet()) {
            out.add(String.join(", ", e.getValue()) + ": " + e.getKey().size() + " partitions " + e.getKey()
                    + " reset empty; their data is gone");
        }
        return out.toString();
    }

    /**
     * What a reset did.
     *
     * @param partitionsByCache the caches reset and how many partitions each had lost, in GridTables order
     * @param partitions        lost partitions reset, summed over the caches
     * @param auditEventId      the AUDIT_LOG row's event id; null when nothing was lost
     */
    public record ResetReport(Map<String, Integer> partitionsByCache, long partitions, String auditEventId) {

        public ResetReport {
            partitionsByCache = Collections.unmodifiableMap(new LinkedHashMap<>(partitionsByCache));
        }
    }
}
