package io.riskgrid.api.ingest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A fill as a client sends it to {@code POST /api/v1/fills}. Every field is nullable here so that
 * a missing field is reported by name ({@code fills[2].price is required}) instead of failing the
 * JSON decoding; {@link IngestMapping} turns it into a validated domain fill.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param fillId       unique id of the execution; a fill sent twice counts once
 * @param accountId    account the fill books to
 * @param instrumentId instrument traded
 * @param side         BUY or SELL
 * @param quantity     units traded, positive
 * @param price        execution price, positive
 * @param timestamp    execution time, epoch milliseconds; when absent, the time the API received the fill
 * @param strategy     optional strategy tag
 * @param venue        optional execution venue
 */
@Schema(description = "A fill (an execution) to book")
public record FillRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Unique id of the execution within the account; a fill sent twice counts once")
        String fillId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String accountId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String instrumentId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"BUY", "SELL"}) String side,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimumValue = 0, description = "Units (contracts for a future) traded, positive")
        Double quantity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimumValue = 0, description = "Execution price per unit, positive") Double price,
        @Schema(description = "Execution time, epoch milliseconds; when absent, the time the API received the fill") Long timestamp,
        String strategy, String venue) {
}
