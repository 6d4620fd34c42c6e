package io.riskgrid.compute.ingest;

import io.riskgrid.core.position.Fill;
import io.riskgrid.grid.schema.FillKey;
import io.riskgrid.grid.schema.FillRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.stream.StreamReceiver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a piece of a streamed buffer (the fills of the partitions one streamer stripe handles) on
 * the node that received it, the primary node of their accounts ({@link FillStreamer}): checks that
 * every account and instrument exists, refusing the whole piece otherwise, then applies the fills through {@link AccountBook#applyFills(List, long)}
 * in multi-account transactions. Fill ids already applied count as duplicates, so a buffer the
 * streamer sends twice changes nothing the second time.
 * <p>
 * Stateless and thread-safe; the streamer ships one instance to each node.
 */
final class FillReceiver implements StreamReceiver<FillKey, FillRow> {

    private static final long serialVersionUID = 1L;

    /** Problems named in a refusal, at most; the count of the rest follows. */
    static final int MAX_PROBLEMS_NAMED = 20;

    @Override
    public void receive(IgniteCache<FillKey, FillRow> cache, Collection<Map.Entry<FillKey, FillRow>> entries) {
        Ignite ignite = cache.unwrap(Ignite.class);
        List<Fill> fills = new ArrayList<>(entries.size());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<FillKey, FillRow> e : entries) {
            try {
                fills.add(FillStreamer.fill(e.getKey(), e.getValue()));
            } catch (RuntimeException ex) {
                problems.add("fill '" + e.getKey().fillId() + "': " + ex.getMessage());
            }
        }
        checkReferences(ignite, fills, problems);
        if (!problems.isEmpty()) {
            int more = problems.size() - MAX_PROBLEMS_NAMED;
            String named = String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_NAMED)));
            throw new IgniteException("fills refused, none of these " + entries.size() + " applied: " + named
                    + (more > 0 ? "; and " + more + " more" : ""));
        }
        int[] r = new AccountBook(ignite).applyFills(fills, System.currentTimeMillis());
        IngestCounters.fills(r[0], r[1]);
    }

    private static void checkReferences(Ignite ignite, List<Fill> fills, List<String> problems) {
        Set<String> accountIds = new HashSet<>();
        Set<String> instrumentIds = new HashSet<>();
        for (Fill f : fills) {
            accountIds.add(f.accountId());
            instrumentIds.add(f.instrumentId());
        }
        Set<String> knownAccounts = ignite.<String, Object>cache(GridTables.ACCOUNTS).getAll(accountIds).keySet();
        Set<String> knownInstruments = ignite.<String, Object>cache(GridTables.INSTRUMENTS).getAll(instrumentIds).keySet();
        if (knownAccounts.size() == accountIds.size() && knownInstruments.size() == instrumentIds.size()) {
            return;
        }
        for (Fill f : fills) {
            if (!knownAccounts.contains(f.accountId())) {
                problems.add("fill '" + f.fillId() + "': unknown account '" + f.accountId() + "'");
            }
            if (!knownInstruments.contains(f.instrumentId())) {
                problems.add("fill '" + f.fillId() + "': unknown instrument '" + f.instrumentId() + "'");
            }
        }
    }
}
