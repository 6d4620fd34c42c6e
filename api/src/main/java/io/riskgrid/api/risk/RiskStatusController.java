package io.riskgrid.api.risk;

import io.riskgrid.api.grid.GridCalls;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/risk/status}: firm-wide totals, worst accounts and trading state. */
@RestController
@RequestMapping(path = "/api/v1/risk", produces = MediaType.APPLICATION_JSON_VALUE)
public class RiskStatusController {

    private final FirmRisk firmRisk;
    private final GridCalls grid;

    public RiskStatusController(FirmRisk firmRisk, GridCalls grid) {
        this.firmRisk = firmRisk;
        this.grid = grid;
    }

    @GetMapping("/status")
    public Mono<RiskStatus> status() {
        return grid.call(firmRisk::status);
    }
}
