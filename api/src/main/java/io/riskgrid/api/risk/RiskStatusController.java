package io.riskgrid.api.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.riskgrid.api.grid.GridCalls;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/risk/status}: firm-wide totals, worst accounts and trading state. */
@Tag(name = "Firm risk", description = "Firm-wide risk")
@RestController
@RequestMapping(path = "/api/v1/risk", produces = MediaType.APPLICATION_JSON_VALUE)
public class RiskStatusController {

    private final FirmRisk firmRisk;
    private final GridCalls grid;

    public RiskStatusController(FirmRisk firmRisk, GridCalls grid) {
        this.firmRisk = firmRisk;
        this.grid = grid;
    }

    @Operation(operationId = "getRiskStatus", summary = "Firm-wide risk status",
            description = "Totals over every account (equity, P&L, gross and net exposure), the firm's trading state "
                    + "and the five accounts with the highest risk score.")
    @ApiResponse(responseCode = "200", description = "The firm's risk")
    @GetMapping("/status")
    public Mono<RiskStatus> status() {
        return grid.call(firmRisk::status);
    }
}
