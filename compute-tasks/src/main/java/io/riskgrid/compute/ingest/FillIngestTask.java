package io.riskgrid.compute.ingest;

import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.ReferenceCheck;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.compute.ComputeTaskName;
import org.apache.ignite.resources.IgniteInstanceResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ingests a batch of fills: checks every fill (fields, known account, known instrument) and either
 * rejects the whole batch, applying nothing, or sends each account's fills to the primary node of
 * that account, where {@link AccountBook} applies them in transactions of many accounts each.
 * <p>
 * A rejected batch is a result, not an exception, so that callers over the thin client receive the
 * problems as they are. The API and the Java SDK both call this task, so a fill delivered once
 * through each counts once. Callable from the thin client as {@value #NAME}.
 */
@ComputeTaskName(FillIngestTask.NAME)
public class FillIngestTask extends ComputeTaskAdapter<FillBatch, IngestResult> {

    /** The task name thin clients call: the class name, so that any server node can load it without a deployment step. */
    public static final String NAME = "io.riskgrid.compute.ingest.FillIngestTask";

    @IgniteInstanceResource
    private transient Ignite ignite;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, FillBatch batch) {
        List<String> problems = new ArrayList<>();
        List<Fill> fills = batch == null ? List.of() : batch.toFills(problems);
        if (problems.isEmpty() && !fills.isEmpty()) {
            checkReferences(fills, problems);
        }
        ClusterNode here = FixedResult.here(ignite, subgrid);
        if (!problems.isEmpty()) {
            return Map.of(new FixedResult(IngestResult.rejected(problems)), here);
        }
        Affinity<String> affinity = ignite.affinity(GridTables.POSITIONS);
        Map<ClusterNode, List<Fill>> byNode = new LinkedHashMap<>();
        for (Fill f : fills) {
            ClusterNode primary = affinity.mapKeyToNode(f.accountId());
            byNode.computeIfAbsent(subgrid.contains(primary) ? primary : here, n -> new ArrayList<>()).add(f);
        }
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (Map.Entry<ClusterNode, List<Fill>> e : byNode.entrySet()) {
            jobs.put(new ApplyFills(FillBatch.of(e.getValue())), e.getKey());
        }
        if (jobs.isEmpty()) {
            jobs.put(new FixedResult(IngestResult.applied(0, 0)), here);
        }
        return jobs;
    }

    @Override
    public IngestResult reduce(List<ComputeJobResult> results) {
        IngestResult total = IngestResult.applied(0, 0);
        for (ComputeJobResult r : results) {
            if (r.getException() != null) {
                throw r.getException();
            }
            IngestResult part = r.getData();
            if (part.isRejected()) {
                return part;
            }
            total = total.plus(part);
        }
        return total;
    }

    private void checkReferences(List<Fill> fills, List<String> problems) {
        Set<String> accountIds = new HashSet<>();
        Set<String> instrumentIds = new HashSet<>();
        for (Fill f : fills) {
            accountIds.add(f.accountId());
            instrumentIds.add(f.instrumentId());
        }
        Set<String> knownAccounts = ignite.<String, Object>cache(GridTables.ACCOUNTS).getAll(accountIds).keySet();
        Set<String> knownInstruments = ignite.<String, Object>cache(GridTables.INSTRUMENTS).getAll(instrumentIds).keySet();
        ReferenceCheck.DEFAULT.checkFills(fills, knownAccounts, knownInstruments, problems);
    }

    /** Applies fills on the primary node of their accounts, in transactions of many accounts each. */
    private static final class ApplyFills extends ComputeJobAdapter {
        private final FillBatch batch;

        @IgniteInstanceResource
        private transient Ignite ignite;

        ApplyFills(FillBatch batch) {
            this.batch = batch;
        }

        @Override
        public Object execute() {
            List<String> problems = new ArrayList<>();
            List<Fill> fills = batch.toFills(problems);
            if (!problems.isEmpty()) {
                throw new IgniteException("fill batch damaged in transit: " + problems);
            }
            int[] r = new AccountBook(ignite).applyFills(fills, System.currentTimeMillis());
            int accepted = r[0];
            int duplicates = r[1];
            IngestCounters.fills(accepted, duplicates);
            return IngestResult.applied(accepted, duplicates);
        }
    }
}
