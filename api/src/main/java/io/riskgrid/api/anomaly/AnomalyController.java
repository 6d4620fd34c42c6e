package io.riskgrid.api.anomaly;

import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.ModelRow;
import io.riskgrid.ml.grid.AnomalyResult;
import io.riskgrid.ml.grid.AnomalyScoreTask;
import io.riskgrid.ml.grid.ForecastTask;
import io.riskgrid.ml.grid.PredictiveRisk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.ScanQuery;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;

/**
 * Anomaly scoring over REST:
 * <ul>
 *   <li>{@code GET /api/v1/accounts/{id}/anomaly} scores the account now, on its primary node, and
 *       returns the score, the threshold, every feature and the features that drove the score; a
 *       score at or above the threshold raises (or keeps) the account's ANOMALY alert, exactly as
 *       the scheduled scoring does.</li>
 *   <li>{@code GET /api/v1/models} lists the stored models, the CURRENT one first.</li>
 * </ul>
 */
@Tag(name = "Anomalies", description = "Anomaly scores of trading patterns and the models behind them")
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class AnomalyController {

    private final Ignite ignite;
    private final GridCalls grid;

    public AnomalyController(Ignite ignite, GridCalls grid) {
        this.ignite = ignite;
        this.grid = grid;
    }

    @Operation(operationId = "scoreAccount", summary = "Score one account for anomalies now",
            description = "Runs on the account's primary node (`node`, `primary` say where). Score in [0, 1]: the "
                    + "fraction of the model's normal training samples that lie closer to normal than this account "
                    + "does now; 1 is beyond everything seen in training. At or above `threshold` the account has an "
                    + "open ANOMALY alert (`alertId`). See the README for every feature.")
    @ApiResponse(responseCode = "200", description = "The score, features and drivers")
    @ApiResponse(responseCode = "404", description = "Unknown account")
    @GetMapping("/accounts/{accountId}/anomaly")
    public Mono<AnomalyResult> score(@PathVariable String accountId) {
        return grid.call(() -> {
            if (!ignite.cache(GridTables.ACCOUNTS).containsKey(accountId)) {
                throw NotFoundException.account(accountId);
            }
            return ignite.compute().execute(AnomalyScoreTask.NAME, accountId);
        });
    }

    @Operation(operationId = "forecastAccount", summary = "Next-day volatility forecast of an account's book",
            description = "The learned model's (HAR) forecast of the book's next-day volatility in currency, its long-run "
                    + "volatility, their ratio, and the factor adaptive limits (ACCOUNT-scope GROSS_NOTIONAL and VAR_99) "
                    + "apply: 1 up to the trigger ratio, then trigger x long-run / forecast, at least the floor.")
    @ApiResponse(responseCode = "200", description = "The forecast")
    @ApiResponse(responseCode = "404", description = "Unknown account")
    @GetMapping("/accounts/{accountId}/forecast")
    public Mono<PredictiveRisk.Forecast> forecast(@PathVariable String accountId) {
        return grid.call(() -> {
            if (!ignite.cache(GridTables.ACCOUNTS).containsKey(accountId)) {
                throw NotFoundException.account(accountId);
            }
            return ignite.compute().execute(ForecastTask.NAME, accountId);
        });
    }

    @Operation(operationId = "listModels", summary = "The stored anomaly models",
            description = "Every model version with its status (CURRENT, RETIRED, REJECTED), seed and backtest; the "
                    + "CURRENT one first, then newest first.")
    @GetMapping("/models")
    public Mono<List<ModelView>> models() {
        return grid.call(() -> {
            IgniteCache<String, ModelRow> models = ignite.cache(GridTables.MODELS);
            try (var cursor = models.query(new ScanQuery<String, ModelRow>())) {
                return cursor.getAll().stream()
                        .map(e -> view(e.getKey(), e.getValue()))
                        .sorted(Comparator.comparing((ModelView m) -> !"CURRENT".equals(m.status()))
                                .thenComparing(ModelView::createdAt, Comparator.reverseOrder())
                                .thenComparing(ModelView::modelVersion, Comparator.reverseOrder()))
                        .toList();
            }
        });
    }

    private static ModelView view(String version, ModelRow r) {
        return new ModelView(version, r.kind, r.status, r.createdAt, r.promotedAt, r.seed, r.trainingSamples, r.features,
                r.threshold, r.precision, r.recall, r.f1, r.jobId);
    }
}
