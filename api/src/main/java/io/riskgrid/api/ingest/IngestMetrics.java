package io.riskgrid.api.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.riskgrid.compute.ingest.IngestCounters;
import org.springframework.stereotype.Component;

/**
 * Counters of what this JVM's grid node has ingested ({@code riskgrid.fills.applied},
 * {@code riskgrid.fills.duplicate}, {@code riskgrid.prices.applied},
 * {@code riskgrid.positions.remarked}), read from {@link IngestCounters}. They count the work of
 * the node the API embeds; an API running as a client node holds no data and reports 0, and the
 * server nodes' counts are theirs to report.
 * <p>
 * This class is stateless and thread-safe.
 */
@Component
public class IngestMetrics implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("riskgrid.fills.applied", this, m -> IngestCounters.fillsApplied())
                .description("Fills applied to positions by this JVM's grid node")
                .register(registry);
        FunctionCounter.builder("riskgrid.fills.duplicate", this, m -> IngestCounters.fillsDuplicate())
                .description("Fills recognized as already applied (same fillId) by this JVM's grid node")
                .register(registry);
        FunctionCounter.builder("riskgrid.prices.applied", this, m -> IngestCounters.pricesApplied())
                .description("Prices taken by this JVM's grid node")
                .register(registry);
        FunctionCounter.builder("riskgrid.positions.remarked", this, m -> IngestCounters.positionsRemarked())
                .description("Positions re-marked after a price change by this JVM's grid node")
                .register(registry);
    }
}
