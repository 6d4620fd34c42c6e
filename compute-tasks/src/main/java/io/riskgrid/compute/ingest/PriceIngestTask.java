package io.riskgrid.compute.ingest;

import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.ReferenceCheck;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.price.PriceBatch;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PriceRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.compute.ComputeTaskName;
import org.apache.ignite.resources.IgniteInstanceResource;

import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ingests a batch of prices: checks every price (known instrument, positive price), stores each
 * in PRICES unless PRICES already holds a newer one, then has every server node re-mark the
 * positions in those instruments of the accounts it is primary for, and recompute their risk.
 * A batch with one bad price is rejected whole and nothing is stored. Callable from the thin
 * client as {@value #NAME}.
 */
@ComputeTaskName(PriceIngestTask.NAME)
public class PriceIngestTask extends ComputeTaskAdapter<PriceBatch, IngestResult> {

    /** The task name thin clients call: the class name, so that any server node can load it without a deployment step. */
    public static final String NAME = "io.riskgrid.compute.ingest.PriceIngestTask";

    @IgniteInstanceResource
    private transient Ignite ignite;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, PriceBatch batch) {
        List<String> problems = new ArrayList<>();
        List<Price> prices = batch == null ? List.of() : batch.toPrices(problems);
        IgniteCache<String, PriceRow> cache = ignite.cache(GridTables.PRICES);
        if (problems.isEmpty() && !prices.isEmpty()) {
            Set<String> ids = new LinkedHashSet<>();
            prices.forEach(p -> ids.add(p.instrumentId()));
            Set<String> known = ignite.<String, Object>cache(GridTables.INSTRUMENTS).getAll(ids).keySet();
            ReferenceCheck.DEFAULT.checkPrices(prices, known, problems);
        }
        ClusterNode here = FixedResult.here(ignite, subgrid);
        if (!problems.isEmpty()) {
            return Map.of(new FixedResult(IngestResult.rejected(problems)), here);
        }
        // Latest observation per instrument within the batch; older ones change nothing.
        Map<String, Price> latest = new LinkedHashMap<>();
        for (Price p : prices) {
            latest.merge(p.instrumentId(), p, (a, b) -> b.timestamp() >= a.timestamp() ? b : a);
        }
        for (Price p : latest.values()) {
            cache.invoke(p.instrumentId(), new KeepNewest(), p.price(), p.timestamp());
        }
        IngestCounters.prices(prices.size());
        if (latest.isEmpty()) {
            return Map.of(new FixedResult(IngestResult.applied(0, 0)), here);
        }
        String[] instrumentIds = latest.keySet().toArray(new String[0]);
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (ClusterNode node : subgrid) {
            if (!node.isClient()) {
                // One job per core, each with its share of the node's accounts, so that a market-wide
                // re-mark uses every core of the node (one job on a 2-core node took twice as long).
                int share = Math.max(1, Math.min(MAX_JOBS_PER_NODE, node.metrics().getTotalCpus()));
                for (int k = 0; k < share; k++) {
                    jobs.put(new Remark(instrumentIds, k, share), node);
                }
            }
        }
        jobs.put(new FixedResult(IngestResult.applied(prices.size(), 0)), here);
        return jobs;
    }

    @Override
    public IngestResult reduce(List<ComputeJobResult> results) {
        for (ComputeJobResult r : results) {
            if (r.getException() != null) {
                throw r.getException();
            }
            Object data = r.getData();
            if (data instanceof IngestResult result) {
                return result;
            }
        }
        return IngestResult.applied(0, 0);
    }

    /** Replaces a price only with one at least as new. */
    static final class KeepNewest implements EntryProcessor<String, PriceRow, Void> {
        @Override
        public Void process(MutableEntry<String, PriceRow> entry, Object... args) {
            double price = (Double) args[0];
            long ts = (Long) args[1];
            PriceRow current = entry.getValue();
            if (current == null || ts >= current.ts) {
                PriceRow row = new PriceRow();
                row.price = price;
                row.ts = ts;
                entry.setValue(row);
            }
            return null;
        }
    }

    /** Re-mark jobs per node at most (one per core up to this). */
    static final int MAX_JOBS_PER_NODE = 8;

    /**
     * Re-marks, on one node, its share of the accounts it is primary for that hold any of the
     * instruments: those whose partition is {@code share} modulo {@code shares}.
     */
    private static final class Remark extends ComputeJobAdapter {
        /** Accounts re-marked in one transaction. */
        static final int ACCOUNTS_PER_TRANSACTION = 256;

        private final String[] instrumentIds;
        private final int share;
        private final int shares;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Remark(String[] instrumentIds, int share, int shares) {
            this.instrumentIds = instrumentIds;
            this.share = share;
            this.shares = shares;
        }

        @Override
        public Object execute() {
            IgniteCache<PositionKey, ?> positions = ignite.cache(GridTables.POSITIONS);
            Affinity<String> affinity = ignite.affinity(GridTables.ACCOUNT_RISK);
            ClusterNode local = ignite.cluster().localNode();
            // One indexed query for the whole batch: which local positions hold these instruments.
            StringBuilder sql = new StringBuilder("SELECT ACCOUNT_ID, INSTRUMENT_ID FROM POSITIONS WHERE INSTRUMENT_ID IN (");
            for (int i = 0; i < instrumentIds.length; i++) {
                sql.append(i == 0 ? "?" : ",?");
            }
            SqlFieldsQuery q = new SqlFieldsQuery(sql.append(')').toString())
                    .setArgs((Object[]) instrumentIds).setLocal(true).setSchema(GridTables.SCHEMA);
            Map<String, List<String>> byAccount = new TreeMap<>();
            for (List<?> row : positions.query(q)) {
                String accountId = (String) row.get(0);
                // A local query also sees backup copies; only the primary re-marks an account.
                if (affinity.partition(accountId) % shares == share && affinity.isPrimary(local, accountId)) {
                    byAccount.computeIfAbsent(accountId, a -> new ArrayList<>()).add((String) row.get(1));
                }
            }
            AccountBook book = new AccountBook(ignite);
            long now = System.currentTimeMillis();
            int remarked = 0;
            TreeMap<String, List<String>> chunk = new TreeMap<>();
            for (Map.Entry<String, List<String>> e : byAccount.entrySet()) {
                chunk.put(e.getKey(), e.getValue());
                if (chunk.size() == ACCOUNTS_PER_TRANSACTION) {
                    remarked += book.remark(chunk, now);
                    chunk = new TreeMap<>();
                }
            }
            remarked += book.remark(chunk, now);
            IngestCounters.remarked(remarked);
            return remarked;
        }
    }
}
