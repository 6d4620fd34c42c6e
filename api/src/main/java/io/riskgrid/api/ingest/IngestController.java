package io.riskgrid.api.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.riskgrid.api.RiskGridProperties;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.compute.ingest.PriceIngestTask;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.price.PriceBatch;
import org.apache.ignite.Ignite;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/fills} and {@code POST /api/v1/prices}: a whole request goes to the grid's
 * ingest task as one batch, which applies all of it or, if any entry is wrong, none of it. The
 * same tasks serve the Java SDK, so a fill sent once through each counts once.
 * <p>
 * Each call is timed as {@code riskgrid.ingest.latency{path=fills|prices}}.
 */
@Tag(name = "Ingest", description = "Fills and prices into the grid")
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class IngestController {

    private final Ignite ignite;
    private final Clock clock;
    private final GridCalls grid;
    private final long timeoutMillis;
    private final MeterRegistry registry;
    private final Timer fillsLatency;
    private final Timer pricesLatency;

    public IngestController(Ignite ignite, GridCalls grid, RiskGridProperties properties, MeterRegistry registry,
                            Clock clock) {
        this.clock = clock;
        this.ignite = ignite;
        this.grid = grid;
        this.timeoutMillis = properties.grid().callTimeout().toMillis();
        this.registry = registry;
        this.fillsLatency = latencyTimer(registry, "fills");
        this.pricesLatency = latencyTimer(registry, "prices");
    }

    @Operation(operationId = "postFills", summary = "Apply a batch of fills, all or nothing",
            description = "Each fill changes one position on the primary node of its account (average-cost position "
                    + "keeping), and the account's risk follows. Fills are idempotent by (account, `fillId`): one "
                    + "delivered again, through the API or the Java SDK, counts once and is reported in "
                    + "`duplicates`. A batch with any bad fill (a missing field, a non-positive quantity or price, an "
                    + "unknown account or instrument) is rejected whole with a 400 naming the fill and field, e.g. "
                    + "`fills[1].quantity`.")
    @ApiResponse(responseCode = "202", description = "Applied: how many fills were new and how many were duplicates")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, not an array, empty, a missing or wrongly typed "
            + "field, a value out of range, or an unknown account or instrument; nothing is applied")
    @ApiResponse(responseCode = "413", description = "More than 16 MB of JSON: send smaller batches")
    @PostMapping(path = "/fills", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<FillsAccepted> postFills(@RequestBody List<FillRequest> fills) {
        return timed(fillsLatency, () -> {
            FillBatch batch = FillBatch.of(IngestMapping.toFills(fills, clock.millis()));
            return grid.call(() -> ignite.compute().withTimeout(timeoutMillis)
                            .<FillBatch, IngestResult>execute(FillIngestTask.NAME, batch))
                    .map(IngestMapping::toFillsAccepted);
        });
    }

    @Operation(operationId = "postPrices", summary = "Apply a batch of prices, all or nothing",
            description = "Each price marks every position in its instrument; unrealized P&L, exposure and account "
                    + "risk follow. A price older than the one held is taken but changes nothing. A batch with any bad "
                    + "price is rejected whole with a 400 naming the entry and field, e.g. `prices[0].price`.")
    @ApiResponse(responseCode = "202", description = "Taken")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, not an array, empty, a missing or wrongly typed "
            + "field, a non-positive price, or an unknown instrument; nothing is stored")
    @ApiResponse(responseCode = "413", description = "More than 16 MB of JSON: send smaller batches")
    @PostMapping(path = "/prices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<PricesAccepted> postPrices(@RequestBody List<PriceRequest> prices) {
        return timed(pricesLatency, () -> {
            PriceBatch batch = PriceBatch.of(IngestMapping.toPrices(prices));
            return grid.call(() -> ignite.compute().withTimeout(timeoutMillis)
                            .<PriceBatch, IngestResult>execute(PriceIngestTask.NAME, batch))
                    .map(IngestMapping::toPricesAccepted);
        });
    }

    /** Times the whole call, from the checks of the input to the grid's answer, failed or not. */
    private <T> Mono<T> timed(Timer timer, Supplier<Mono<T>> call) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(registry);
            return Mono.defer(call).doFinally(signal -> sample.stop(timer));
        });
    }

    private static Timer latencyTimer(MeterRegistry registry, String path) {
        return Timer.builder("riskgrid.ingest.latency")
                .description("Time to check and apply one REST ingest request")
                .tag("path", path)
                .publishPercentileHistogram()
                .register(registry);
    }
}
