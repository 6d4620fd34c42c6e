package io.riskgrid.api.limit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.compute.control.PolicyStore;
import org.apache.ignite.Ignite;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/policy}: the risk policy in force (alert thresholds, hysteresis, escalation,
 * drawdown tiers, circuit breakers): the built-in defaults, or those of the limits file read at start.
 */
@Tag(name = "Limits", description = "Risk limits of accounts and the firm's risk policy")
@RestController
public class PolicyController {

    private final Ignite ignite;
    private final GridCalls grid;

    public PolicyController(Ignite ignite, GridCalls grid) {
        this.ignite = ignite;
        this.grid = grid;
    }

    @Operation(operationId = "getPolicy", summary = "The risk policy in force",
            description = "Alert severity thresholds, hysteresis and escalation delays, drawdown tiers and circuit "
                    + "breakers: the built-in defaults, or those of the limits file read at start. Fractions are "
                    + "fractions (0.05 is 5%), durations milliseconds.")
    @ApiResponse(responseCode = "200", description = "The policy")
    @GetMapping(path = "/api/v1/policy", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<PolicyView> policy() {
        return grid.call(() -> PolicyMapping.toView(new PolicyStore(ignite).read()));
    }
}
