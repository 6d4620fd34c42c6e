package io.riskgrid.api.simulator;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/simulator/incidents}. */
public record IncidentRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"RUNAWAY_ALGO", "FAT_FINGER", "CONCENTRATION_BUILDUP"}) String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "An account the simulator trades") String accountId) {
}
