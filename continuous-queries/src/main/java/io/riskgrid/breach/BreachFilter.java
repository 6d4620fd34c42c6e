package io.riskgrid.breach;

import io.riskgrid.breach.alert.AlertWriter;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.CacheEntryEventSerializableFilter;
import org.apache.ignite.lang.IgniteAsyncCallback;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.LoggerResource;

import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import java.util.concurrent.atomic.LongAdder;

/**
 * The remote filter of the breach engine's continuous query on ACCOUNT_RISK. It runs on the node
 * that holds the account, for every change of the account's risk (every fill and every mark writes
 * that row in the same transaction as the positions it changed), and raises, updates or resolves
 * the account's alerts from the limit breaches the row records (see {@link AlertWriter}).
 * <p>
 * It is an {@link IgniteAsyncCallback}: Ignite runs it in the async-callback pool, off the thread
 * that committed the risk, ordered per partition, which is what allows it to write ALERTS. Each
 * copy of the row (primary and backup) produces an event; only the primary acts, so an alert is
 * written once. It lets nothing through to the query's listener: the alerts are its output.
 * <p>
 * Peer class loading is off, so this class is on every server's classpath. Thread-safe.
 */
@IgniteAsyncCallback
public final class BreachFilter implements CacheEntryEventSerializableFilter<String, AccountRiskRow> {

    private static final long serialVersionUID = 1L;

    /** Alerts raised, re-graded or resolved by filters in this JVM (for tests and benchmarks). */
    static final LongAdder CHANGES = new LongAdder();

    @IgniteInstanceResource
    private transient Ignite ignite;

    @LoggerResource
    private transient IgniteLogger log;

    private transient volatile AlertWriter writer;

    @Override
    public boolean evaluate(CacheEntryEvent<? extends String, ? extends AccountRiskRow> event) {
        if (event.getEventType() != EventType.CREATED && event.getEventType() != EventType.UPDATED) {
            return false;
        }
        String accountId = event.getKey();
        if (!ignite.affinity(GridTables.ACCOUNT_RISK).isPrimary(ignite.cluster().localNode(), accountId)) {
            return false;
        }
        try {
            AccountRiskRow before = event.getEventType() == EventType.UPDATED ? event.getOldValue() : null;
            CHANGES.add(writer().write(accountId, before, event.getValue()));
        } catch (RuntimeException e) {
            // The refresh tick's reconciliation repairs what a failed write left out.
            if (log != null) {
                log.warning("could not write the alerts of account " + accountId + "; the next reconciliation will", e);
            }
        }
        return false;
    }

    private AlertWriter writer() {
        AlertWriter w = writer;
        if (w == null) {
            w = new AlertWriter(ignite);
            writer = w;
        }
        return w;
    }
}
