package io.riskgrid.api.market;

import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.api.request.Echo;
import io.riskgrid.compute.var.MarketModel;
import io.riskgrid.compute.var.MarketModels;
import io.riskgrid.core.var.CovarianceModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.ignite.Ignite;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/v1/market/correlation[?instrumentId=A,B]}: volatilities and correlations of the
 * grid's market model (all instruments, or those asked for in id order; 404 naming an instrument
 * the model does not know). The dashboard draws its heat map from it.
 */
@Tag(name = "Market", description = "The grid's market model")
@RestController
@RequestMapping(path = "/api/v1/market", produces = MediaType.APPLICATION_JSON_VALUE)
public class MarketController {

    private final Ignite ignite;
    private final GridCalls grid;

    public MarketController(Ignite ignite, GridCalls grid) {
        this.ignite = ignite;
        this.grid = grid;
    }

    @Operation(operationId = "marketCorrelation", summary = "Volatilities and correlations of the market model",
            description = "The model every VaR figure and job uses: EWMA (lambda 0.94) over RETURN_HISTORY. "
                    + "Instruments with fewer than 20 days of history are unmodelled: 3% a day, no correlation. "
                    + "Vectors and matrix rows follow `instrumentIds` (id order).")
    @ApiResponse(responseCode = "200", description = "The model, or of the instruments asked for")
    @ApiResponse(responseCode = "404", description = "An instrument the model does not know")
    @GetMapping("/correlation")
    public Mono<CorrelationView> correlation(
            @Parameter(description = "Instruments to include, comma-separated or repeated; all when absent")
            @RequestParam(required = false) List<String> instrumentId) {
        return grid.call(() -> view(MarketModels.current(ignite), instrumentId));
    }

    static CorrelationView view(MarketModel model, List<String> wanted) {
        if (model.size() == 0) {
            return new CorrelationView(List.of(), new double[0], new double[0][], new boolean[0], 0);
        }
        int[] idx;
        if (wanted == null || wanted.stream().allMatch(String::isBlank)) {
            idx = new int[model.size()];
            Arrays.setAll(idx, i -> i);
        } else {
            Set<String> ids = new TreeSet<>();
            wanted.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
            List<String> unknown = new ArrayList<>();
            idx = new int[ids.size()];
            int k = 0;
            for (String id : ids) {
                int i = model.indexOf(id);
                if (i < 0) {
                    unknown.add(id);
                }
                idx[k++] = i;
            }
            if (!unknown.isEmpty()) {
                throw new NotFoundException("instrument" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown.stream().map(u -> "'" + Echo.clip(u) + "'").toList())
                        + " not found in the market model");
            }
        }
        if (idx.length == 0) {
            return new CorrelationView(List.of(), new double[0], new double[0][], new boolean[0], model.historyDays());
        }
        CovarianceModel cov = model.covariance().subset(idx);
        boolean[] modelled = new boolean[idx.length];
        List<String> ids = new ArrayList<>(idx.length);
        for (int k = 0; k < idx.length; k++) {
            modelled[k] = model.modelled(idx[k]);
            ids.add(model.instrumentId(idx[k]));
        }
        return new CorrelationView(ids, cov.volatilities(), cov.correlation(), modelled, model.historyDays());
    }
}
