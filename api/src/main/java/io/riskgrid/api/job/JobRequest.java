package io.riskgrid.api.job;

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
 * </ul>
 * Boxed fields so that a missing one can be named.
 */
public record JobRequest(String type, String scope, String accountId, String method, Double confidence,
                         Integer horizonDays, Integer paths, Long seed, String name, List<ShockRequest> shocks,
                         String scenario, Replay replay, Integer worst) {

    /** One instantaneous shock. */
    public record ShockRequest(String target, String key, Double change) {
    }

    /** A window of the return history, {@code [fromDay, toDay)}. */
    public record Replay(Integer fromDay, Integer toDay) {
    }
}
