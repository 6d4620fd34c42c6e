package io.riskgrid.api.limit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of one limit in the body of {@code PUT /api/v1/limits}, for the API's documentation.
 * {@link LimitMapping} reads the body as a JSON tree rather than binding it to this record, so that
 * it can take one object or an array, name unknown fields and report every problem at once.
 * <p>
 * This record is immutable and thread-safe.
 */
@Schema(description = "A limit to set. A limit with an existing (accountId, limitId) replaces it.")
public record LimitRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The account; must exist") String accountId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Unique within the account") String limitId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"ACCOUNT", "INSTRUMENT", "SECTOR"})
        String scope,
        @Schema(description = "The instrument id (INSTRUMENT scope) or sector (SECTOR scope); required for those "
                + "scopes. An ACCOUNT limit given a target is that instrument's limit and is stored with INSTRUMENT "
                + "scope; LEVERAGE, DAILY_LOSS, DRAWDOWN and VAR_99 take no target") String target,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"GROSS_NOTIONAL", "NET_NOTIONAL",
                "POSITION_QTY", "CONCENTRATION", "LEVERAGE", "DAILY_LOSS", "DRAWDOWN", "VAR_99"},
                description = "What the limit measures; LEVERAGE, DAILY_LOSS, DRAWDOWN and VAR_99 are for ACCOUNT "
                        + "scope only") String metric,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimumValue = 0,
                description = "The limit, positive: money in the account's base currency for notionals, daily loss "
                        + "and VaR; a quantity for POSITION_QTY; a fraction for CONCENTRATION and DRAWDOWN; a ratio "
                        + "for LEVERAGE") Double maxValue,
        @Schema(description = "Utilization from which a breach is raised, in (0, 1]", defaultValue = "0.8") Double warnAt,
        @Schema(description = "Who sets it; else the X-Actor header, else `api`. Entries of one request must agree")
        String actor,
        @Schema(description = "Why, for the audit log. Entries of one request must agree") String reason) {
}
