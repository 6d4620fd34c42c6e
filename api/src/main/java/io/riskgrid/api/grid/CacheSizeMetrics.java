package io.riskgrid.api.grid;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CachePeekMode;
import org.springframework.stereotype.Component;

/**
 * Gauges {@code riskgrid.cache.size{cache=<NAME>}}: the number of entries of each grid cache,
 * counting primary copies only so that backups are not counted twice. Tagged by cache name only.
 * <p>
 * This class is thread-safe.
 */
@Component
public class CacheSizeMetrics implements MeterBinder {

    private final Ignite ignite;

    public CacheSizeMetrics(Ignite ignite) {
        this.ignite = ignite;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String cache : GridTables.ALL) {
            Gauge.builder("riskgrid.cache.size", ignite, i -> size(i, cache))
                    .tag("cache", cache)
                    .description("Entries in a grid cache, primary copies across the cluster")
                    .register(registry);
        }
    }

    private static double size(Ignite ignite, String cache) {
        try {
            return ignite.cache(cache).sizeLong(CachePeekMode.PRIMARY);
        } catch (RuntimeException e) {
            // A node that is stopping or has lost its cluster has no size to report.
            return Double.NaN;
        }
    }
}
