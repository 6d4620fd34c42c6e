package io.riskgrid.breach.alert;

import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.CacheEntryEventSerializableFilter;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.lang.IgniteAsyncCallback;
import org.apache.ignite.resources.LoggerResource;

import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;
import java.util.function.Consumer;

/**
 * A live feed of alert changes (raised, severity up or down, acknowledged, escalated, resolved): a
 * continuous query on ALERTS whose remote filter, next to each write, lets through only changes of
 * status or severity, so figure-only updates never cross the network. The API counts them for
 * Prometheus and streams them to dashboards.
 * <p>
 * The consumer runs in Ignite's async-callback pool, never on the writing thread; events of one
 * account arrive in order. A consumer that throws is logged and the next event is still delivered.
 * This class is thread-safe.
 */
public final class AlertFeed implements AutoCloseable {

    private final QueryCursor<Cache.Entry<AlertKey, AlertRow>> cursor;

    private AlertFeed(QueryCursor<Cache.Entry<AlertKey, AlertRow>> cursor) {
        this.cursor = cursor;
    }

    /** Receives each alert change with the alert's row after it. */
    @FunctionalInterface
    public interface Listener {
        /**
         * One change; runs in the grid's callback pool.
         *
         * @param event what changed
         * @param row   the alert's ALERTS row after the change; must not be modified
         */
        void onChange(AlertEvent event, AlertRow row);
    }

    /** Opens the feed on any node of the grid. */
    public static AlertFeed open(Ignite ignite, Consumer<AlertEvent> consumer) {
        if (consumer == null) {
            throw new IllegalArgumentException("consumer is required");
        }
        return open(ignite, (event, row) -> consumer.accept(event));
    }

    /** Opens the feed on any node of the grid, handing the listener each change with the alert's row. */
    public static AlertFeed open(Ignite ignite, Listener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is required");
        }
        IgniteCache<AlertKey, AlertRow> cache = ignite.cache(GridTables.ALERTS);
        ContinuousQuery<AlertKey, AlertRow> query = new ContinuousQuery<AlertKey, AlertRow>()
                .setLocalListener(new Delivery(listener));
        query.setRemoteFilterFactory(FactoryBuilder.factoryOf(new LifecycleChange()));
        return new AlertFeed(cache.query(query));
    }

    @Override
    public void close() {
        cursor.close();
    }

    /** Passes new alerts and changes of status or severity. */
    static final class LifecycleChange implements CacheEntryEventSerializableFilter<AlertKey, AlertRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean evaluate(CacheEntryEvent<? extends AlertKey, ? extends AlertRow> e) {
            if (e.getEventType() != EventType.CREATED && e.getEventType() != EventType.UPDATED) {
                return false;
            }
            return AlertEvent.kind(e.getEventType() == EventType.CREATED ? null : e.getOldValue(), e.getValue()) != null;
        }
    }

    @IgniteAsyncCallback
    static final class Delivery implements CacheEntryUpdatedListener<AlertKey, AlertRow> {
        private final Listener listener;

        @LoggerResource
        private IgniteLogger log;

        Delivery(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends AlertKey, ? extends AlertRow>> events) {
            for (CacheEntryEvent<? extends AlertKey, ? extends AlertRow> e : events) {
                AlertEvent event = AlertEvent.of(e.getKey().accountId(), e.getKey().alertId(),
                        e.getEventType() == EventType.CREATED ? null : e.getOldValue(), e.getValue());
                if (event == null) {
                    continue;
                }
                try {
                    listener.onChange(event, e.getValue());
                } catch (RuntimeException ex) {
                    if (log != null) {
                        log.error("alert consumer failed for " + e.getKey(), ex);
                    }
                }
            }
        }
    }
}
