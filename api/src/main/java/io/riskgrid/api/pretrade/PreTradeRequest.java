package io.riskgrid.api.pretrade;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order to check, as a client sends it to {@code POST /api/v1/pretrade/check}. Every field is
 * nullable here so that a missing field is reported by name; {@link PreTradeMapping} turns it into
 * a validated domain order.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId    the account that would place the order
 * @param instrumentId the instrument
 * @param side         BUY or SELL
 * @param quantity     units, positive
 * @param price        the order's price, positive; the position after the order is valued at it
 */
@Schema(description = "An order to check, as if it filled in full at its price")
public record PreTradeRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String accountId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String instrumentId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"BUY", "SELL"}) String side,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimumValue = 0, description = "Units, positive") Double quantity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimumValue = 0, description = "The order's price; the position after it is valued at it")
        Double price) {
}
