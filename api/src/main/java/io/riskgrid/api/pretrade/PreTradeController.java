package io.riskgrid.api.pretrade;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.riskgrid.api.RiskGridProperties;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.compute.pretrade.PreTradeCheckTask;
import io.riskgrid.core.pretrade.PreTradeOrder;
import org.apache.ignite.Ignite;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/pretrade/check} {@code {accountId, instrumentId, side, quantity, price}}: the
 * grid's pre-trade check ({@link PreTradeCheckTask}, run on the account's primary node, the same
 * task thin clients call by name; in place when this node is that primary, as in the demo) of an order as if it filled in full at its price. 200 with the
 * decision whether approved or not; 400 naming every bad field; 404 for an unknown account or
 * instrument. Timed as {@code riskgrid.pretrade.latency}.
 */
@Tag(name = "Pre-trade", description = "Checks of orders before they go to market")
@RestController
public class PreTradeController {

    private final Ignite ignite;
    private final GridCalls grid;
    private final long timeoutMillis;
    private final MeterRegistry registry;
    private final Timer latency;

    public PreTradeController(Ignite ignite, GridCalls grid, RiskGridProperties properties, MeterRegistry registry) {
        this.ignite = ignite;
        this.grid = grid;
        this.timeoutMillis = properties.grid().callTimeout().toMillis();
        this.registry = registry;
        this.latency = Timer.builder("riskgrid.pretrade.latency")
                .description("Time to answer one REST pre-trade check")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Operation(operationId = "checkOrder", summary = "Check an order before it goes to market",
            description = "The grid's pre-trade check, run on the account's primary node, of the order as if it "
                    + "filled in full at its price. Rejected when the firm or the account is HALTED, when it is "
                    + "REDUCING and the order adds risk, or when a risk-adding order leaves a limit above its cap "
                    + "higher than before. The answer is 200 whether approved or not.")
    @ApiResponse(responseCode = "200", description = "The decision, its reasons and each limit's utilization before and after")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, or a missing, wrongly typed or out-of-range field "
            + "(side not BUY or SELL, quantity or price not positive); every problem is named")
    @ApiResponse(responseCode = "404", description = "Unknown account or instrument")
    @PostMapping(path = "/api/v1/pretrade/check", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<PreTradeAnswer> check(@RequestBody PreTradeRequest order) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(registry);
            return Mono.defer(() -> {
                PreTradeOrder checked = PreTradeMapping.toOrder(order);
                return grid.call(() -> PreTradeCheckTask.run(ignite, checked, timeoutMillis))
                        .map(decision -> PreTradeMapping.toAnswer(checked, decision));
            }).doFinally(signal -> sample.stop(latency));
        });
    }
}
