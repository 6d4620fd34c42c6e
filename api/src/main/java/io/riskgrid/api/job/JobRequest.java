package io.riskgrid.api.job;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Body of {@code POST /api/v1/jobs}. {@code type} says which other fields apply:
 * <ul>
 *   <li>VAR: {@code scope} FIRM (default) or ACCOUNT with {@code accountId}; {@code method}
 *       MONTE_CARLO (default), HISTORICAL or PARAMETRIC; {@code confidence} (default 0.99),
 *       {@code horizonDays} (default 1), {@code paths} (default 10,000), {@code seed} (default: a
 *       random one, reported in the result so the figure can be reproduced).</li>
 *   <li>STRESS: {@code shocks} [{target: INSTRUMENT|SECTOR|ASSET_CLASS, key, change}] with change a
 *       fraction (-0.2 is a 20% fall); {@code name} optional; {@code worst} accounts to list (default 20).</li>
 *   <li>SCENARIO: {@code scenario}, one of the built-in named scenarios, or {@code replay}
 *       {fromDay, toDay} of the grid's daily return history (day 0 the oldest held); {@code worst}.</li>
 *   <li>TRAIN: {@code model} PCA (default, Smile) or AUTOENCODER (DJL); {@code seed} (default: a random
 *       one, reported). The new model is promoted only if its backtest beats the current one's.</li>
 *   <li>BACKTEST: {@code modelVersion} (default: the current model); {@code seed} of the held-back
 *       history (default: a random one, reported).</li>
 * </ul>
 * Boxed fields so that a missing one can be named.
 */
@Schema(description = "A job. `type` says which other fields apply: VAR takes scope, accountId, method, confidence, "
        + "horizonDays, paths, seed; STRESS takes shocks, name, worst; SCENARIO takes scenario or replay, name, worst; "
        + "TRAIN takes model, seed; BACKTEST takes modelVersion, seed")
public record JobRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"VAR", "STRESS", "SCENARIO", "TRAIN",
                "BACKTEST"}) String type,
        @Schema(allowableValues = {"FIRM", "ACCOUNT"}, defaultValue = "FIRM", description = "VAR; ACCOUNT needs "
                + "accountId") String scope,
        @Schema(description = "VAR with scope ACCOUNT") String accountId,
        @Schema(allowableValues = {"MONTE_CARLO", "HISTORICAL", "PARAMETRIC"}, defaultValue = "MONTE_CARLO") String method,
        @Schema(exclusiveMinimumValue = 0, exclusiveMaximumValue = 1, defaultValue = "0.99") Double confidence,
        @Schema(minimum = "1", maximum = "250", defaultValue = "1") Integer horizonDays,
        @Schema(minimum = "100", defaultValue = "10000") Integer paths,
        @Schema(description = "VAR, TRAIN or BACKTEST seed; a random one when absent, reported") Long seed,
        @Schema(description = "STRESS or SCENARIO: a name for the result") String name,
        @Schema(description = "STRESS: instantaneous price changes; the most specific applies to an instrument")
        List<ShockRequest> shocks,
        @Schema(allowableValues = {"EQUITY_CRASH", "GFC_2008", "COVID_2020", "DOTCOM_2000", "SHORT_SQUEEZE"},
                description = "SCENARIO: a named scenario; give this or replay") String scenario,
        @Schema(description = "SCENARIO: a window of the grid's daily return history; give this or scenario")
        Replay replay,
        @Schema(minimum = "1", maximum = "1000", defaultValue = "20", description = "STRESS or SCENARIO: accounts to "
                + "list, worst first") Integer worst,
        @Schema(allowableValues = {"PCA", "AUTOENCODER"}, defaultValue = "PCA", description = "TRAIN: the anomaly model "
                + "to train") String model,
        @Schema(description = "BACKTEST: the model version to test (default: the current model)") String modelVersion) {

    /** One instantaneous shock. */
    public record ShockRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"INSTRUMENT", "SECTOR", "ASSET_CLASS"}) String target,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The instrument id, sector or asset class") String key,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimumValue = -1, description = "Price change as a fraction: -0.2 is a 20% fall")
            Double change) {
    }

    /** A window of the return history, {@code [fromDay, toDay)}. */
    public record Replay(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", description = "First day, 0 the oldest held") Integer fromDay,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Day after the last (exclusive)") Integer toDay) {
    }
}
