package io.riskgrid.api.simulator;

import io.riskgrid.api.demo.DemoLifecycle;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.api.request.Echo;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.ml.simulation.IncidentType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.ignite.Ignite;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Incident injection for demos and backtests: {@code POST /api/v1/simulator/incidents
 * {type: RUNAWAY_ALGO|FAT_FINGER|CONCENTRATION_BUILDUP, accountId}} makes the running market
 * simulator trade that pattern for that account, on top of its usual order flow. The fills go
 * through the grid's ingest like any other, so anomaly scoring sees them as it would a real desk's.
 * <p>
 * 400 for a missing or unknown type or a missing account id, 404 for an account the grid does not
 * hold, 409 when the simulator is not running ({@code --no-simulator}) or does not trade the account.
 */
@Tag(name = "Simulator", description = "Inject labelled trading incidents into the demo's market simulator")
@RestController
@RequestMapping(path = "/api/v1/simulator", produces = MediaType.APPLICATION_JSON_VALUE)
public class SimulatorController {

    private final DemoLifecycle demo;
    private final Ignite ignite;
    private final GridCalls grid;
    private final Clock clock;

    public SimulatorController(DemoLifecycle demo, Ignite ignite, GridCalls grid, Clock clock) {
        this.demo = demo;
        this.ignite = ignite;
        this.grid = grid;
        this.clock = clock;
    }

    @Operation(operationId = "injectIncident", summary = "Make the simulator trade an incident pattern for one account",
            description = "RUNAWAY_ALGO: a burst of one-way fills in one instrument at many times the account's usual "
                    + "rate; FAT_FINGER: one fill tens of times the usual size; CONCENTRATION_BUILDUP: steady buying of "
                    + "one instrument until it dominates the book. The fills start with the simulator's next tick.")
    @ApiResponse(responseCode = "202", description = "Handed to the simulator")
    @ApiResponse(responseCode = "400", description = "Missing or unknown type, or missing accountId")
    @ApiResponse(responseCode = "404", description = "Unknown account")
    @ApiResponse(responseCode = "409", description = "The simulator is not running, or does not trade the account")
    @PostMapping(path = "/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<IncidentInjected> inject(@RequestBody IncidentRequest body) {
        return Mono.defer(() -> {
            IncidentType type = type(body.type());
            if (body.accountId() == null || body.accountId().isBlank()) {
                throw InvalidInputException.of("accountId", "accountId is required");
            }
            String accountId = body.accountId().trim();
            return grid.call(() -> {
                if (!ignite.cache(GridTables.ACCOUNTS).containsKey(accountId)) {
                    throw NotFoundException.account(accountId);
                }
                try {
                    String id = demo.inject(type, accountId);
                    return new IncidentInjected(id, type.name(), accountId, clock.millis());
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
                }
            });
        });
    }

    private static IncidentType type(String text) {
        String names = String.join(", ", Arrays.stream(IncidentType.values()).map(Enum::name).toList());
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("type", "type is required: " + names);
        }
        try {
            return IncidentType.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("type", "type must be one of " + names + ", was '" + Echo.clip(text) + "'");
        }
    }
}
