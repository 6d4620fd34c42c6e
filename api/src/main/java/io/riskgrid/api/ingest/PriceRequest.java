package io.riskgrid.api.ingest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A price as a client sends it to {@code POST /api/v1/prices}. Fields are nullable so that a
 * missing one is reported by name; {@link IngestMapping} turns it into a validated domain price.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param instrumentId instrument priced
 * @param price        price, positive
 * @param timestamp    observation time, epoch milliseconds; an older price never replaces a newer one
 */
@Schema(description = "A price of an instrument")
public record PriceRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String instrumentId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimumValue = 0, description = "Price per unit, positive") Double price,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Observation time, epoch milliseconds; an older price never replaces a newer one")
        Long timestamp) {
}
