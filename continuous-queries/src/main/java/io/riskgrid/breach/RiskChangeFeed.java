package io.riskgrid.breach;

import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.lang.IgniteAsyncCallback;
import org.apache.ignite.resources.LoggerResource;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A live feed of material changes to account risk: a continuous query on ACCOUNT_RISK whose remote
 * filter ({@link MaterialRiskChangeFilter}) runs next to each write and passes only new accounts and
 * changes of equity, gross exposure, risk score or trading state beyond the tolerances of a
 * {@link MaterialRiskChange}. Each change that passes reaches the consumer as a {@link RiskUpdate}.
 * <p>
 * The consumer runs in Ignite's async-callback pool ({@link IgniteAsyncCallback}), never on the
 * thread that wrote the risk row, so a slow consumer does not hold up fills or price marks (it only
 * delays later updates). Updates of one account arrive in the order they were written; updates of
 * different accounts may arrive concurrently on different threads, so the consumer must be
 * thread-safe. Changes written before {@link #open} are not replayed. A consumer that throws is
 * logged and the next update is still delivered.
 * <p>
 * Open it on any node (server or client) of the grid; {@link #close()} stops the query. This class
 * is thread-safe.
 */
public final class RiskChangeFeed implements AutoCloseable {

    private final QueryCursor<Cache.Entry<String, AccountRiskRow>> cursor;

    private RiskChangeFeed(QueryCursor<Cache.Entry<String, AccountRiskRow>> cursor) {
        this.cursor = cursor;
    }

    /** Opens a feed of changes that are material by {@link MaterialRiskChange#DEFAULT}. */
    public static RiskChangeFeed open(Ignite ignite, Consumer<RiskUpdate> consumer) {
        return open(ignite, MaterialRiskChange.DEFAULT, consumer);
    }

    /** Opens a feed of changes that are material by {@code rule}. */
    public static RiskChangeFeed open(Ignite ignite, MaterialRiskChange rule, Consumer<RiskUpdate> consumer) {
        if (consumer == null) {
            throw new IllegalArgumentException("consumer is required");
        }
        return openRows(ignite, rule, (accountId, row) -> consumer.accept(RiskUpdate.of(accountId, row)));
    }

    /**
     * Opens a feed of changes that are material by {@code rule} that hands the consumer the whole
     * ACCOUNT_RISK row after the change (for a consumer that shows more than a {@link RiskUpdate}
     * carries). The consumer must not modify the row.
     */
    public static RiskChangeFeed openRows(Ignite ignite, MaterialRiskChange rule,
                                          BiConsumer<String, AccountRiskRow> consumer) {
        if (ignite == null) {
            throw new IllegalArgumentException("ignite is required");
        }
        if (rule == null) {
            throw new IllegalArgumentException("rule is required");
        }
        if (consumer == null) {
            throw new IllegalArgumentException("consumer is required");
        }
        IgniteCache<String, AccountRiskRow> cache = ignite.cache(GridTables.ACCOUNT_RISK);
        if (cache == null) {
            throw new IllegalStateException("cache " + GridTables.ACCOUNT_RISK + " does not exist on this grid");
        }
        ContinuousQuery<String, AccountRiskRow> query = new ContinuousQuery<String, AccountRiskRow>()
                .setRemoteFilter(new MaterialRiskChangeFilter(rule))
                .setLocalListener(new Delivery(consumer));
        return new RiskChangeFeed(cache.query(query));
    }

    /** Stops the continuous query; no update is delivered after this returns, apart from any already being delivered. */
    @Override
    public void close() {
        cursor.close();
    }

    /**
     * Hands each event to the consumer, off the writing thread: Ignite runs a local listener whose
     * class carries {@link IgniteAsyncCallback} in its async-callback pool.
     */
    @IgniteAsyncCallback
    static final class Delivery implements CacheEntryUpdatedListener<String, AccountRiskRow> {

        private final BiConsumer<String, AccountRiskRow> consumer;

        @LoggerResource
        private IgniteLogger log;

        Delivery(BiConsumer<String, AccountRiskRow> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends AccountRiskRow>> events) {
            for (CacheEntryEvent<? extends String, ? extends AccountRiskRow> e : events) {
                AccountRiskRow row = e.getValue();
                if (row == null) {
                    continue;
                }
                try {
                    consumer.accept(e.getKey(), row);
                } catch (RuntimeException ex) {
                    // One failing update must not cost the consumer the updates after it.
                    if (log != null) {
                        log.error("risk update consumer failed for account " + e.getKey(), ex);
                    }
                }
            }
        }
    }
}
