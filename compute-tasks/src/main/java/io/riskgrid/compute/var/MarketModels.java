package io.riskgrid.compute.var;

import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.ReturnHistoryRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

import javax.cache.Cache;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current {@link MarketModel} of a node, estimated again only when INSTRUMENTS or
 * RETURN_HISTORY change: a cheap pass over the history's row headers (day and length, read from
 * the binary form without the return arrays) tells whether the model in hand is still current.
 * <p>
 * Thread-safe; two threads that find the model stale at once may both estimate it, which is
 * harmless.
 */
public final class MarketModels {

    private static final Map<String, MarketModel> CURRENT = new ConcurrentHashMap<>();

    private MarketModels() {
    }

    /** The market model of the grid as it is now. */
    public static MarketModel current(Ignite ignite) {
        IgniteCache<String, BinaryObject> history = ignite.cache(GridTables.RETURN_HISTORY).withKeepBinary();
        IgniteCache<String, BinaryObject> instruments = ignite.cache(GridTables.INSTRUMENTS).withKeepBinary();
        SortedSet<String> ids = new TreeSet<>();
        long fingerprint = 17;
        try (QueryCursor<Cache.Entry<String, BinaryObject>> c = instruments.query(new ScanQuery<String, BinaryObject>())) {
            for (Cache.Entry<String, BinaryObject> e : c) {
                ids.add(e.getKey());
            }
        }
        for (String id : ids) {
            fingerprint = 31 * fingerprint + id.hashCode();
        }
        Map<String, Long> stamps = new HashMap<>();
        try (QueryCursor<Cache.Entry<String, BinaryObject>> c = history.query(new ScanQuery<String, BinaryObject>())) {
            for (Cache.Entry<String, BinaryObject> e : c) {
                long asOf = e.getValue().<Long>field("asOf");
                int observations = e.getValue().<Integer>field("observations");
                stamps.put(e.getKey(), asOf * 1_000_003L + observations);
            }
        }
        for (Map.Entry<String, Long> s : new java.util.TreeMap<>(stamps).entrySet()) {
            fingerprint = 31 * (31 * fingerprint + s.getKey().hashCode()) + s.getValue();
        }
        String node = ignite.name() == null ? "" : ignite.name();
        MarketModel model = CURRENT.get(node);
        if (model != null && model.fingerprint() == fingerprint) {
            return model;
        }
        Map<String, ReturnHistoryRow> rows = ignite.<String, ReturnHistoryRow>cache(GridTables.RETURN_HISTORY)
                .getAll(stamps.keySet());
        model = MarketModel.estimate(ids, rows, fingerprint);
        CURRENT.put(node, model);
        return model;
    }
}
