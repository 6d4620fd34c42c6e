package io.riskgrid.api.limit;

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
@RestController
public class PolicyController {

    private final Ignite ignite;
    private final GridCalls grid;

    public PolicyController(Ignite ignite, GridCalls grid) {
        this.ignite = ignite;
        this.grid = grid;
    }

    @GetMapping(path = "/api/v1/policy", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<PolicyView> policy() {
        return grid.call(() -> PolicyMapping.toView(new PolicyStore(ignite).read()));
    }
}
