package io.riskgrid.api.admin;

import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.api.request.Accountable;
import io.riskgrid.api.request.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Cluster administration over REST:
 * <ul>
 *   <li>{@code GET /api/v1/admin/topology}: the cluster's state and baseline, every server node's
 *       partitions (primary, backup, and by state) and rebalancing, lost partitions per cache;</li>
 *   <li>{@code POST /api/v1/admin/lost-partitions/reset} {@code {reason, actor?}}: makes the lost
 *       partitions usable again, accepting the loss of what they held; audited as
 *       LOST_PARTITIONS_RESET.</li>
 * </ul>
 */
@Tag(name = "Admin", description = "Cluster topology, partitions and rebalancing; reset of lost partitions")
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminController {

    private final ClusterAdmin admin;
    private final GridCalls grid;
    private final Clock clock;

    public AdminController(ClusterAdmin admin, GridCalls grid, Clock clock) {
        this.admin = admin;
        this.grid = grid;
        this.clock = clock;
    }

    @Operation(operationId = "getTopology", summary = "The cluster's nodes, partitions and rebalancing",
            description = "Cluster state (ACTIVE, READ_ONLY, INACTIVE), the baseline (online or not), server and client "
                    + "counts; for each server node its consistent id, addresses, heap, the backlog of its async-callback "
                    + "pool (continuous-query events waiting for the breach filter and the risk and alert feeds) and, per "
                    + "partitioned cache, the partitions it is primary and backup for and its partitions by state (OWNING, "
                    + "MOVING, RENTING, LOST) and rebalancing; per cache the partition count, backups, partition-loss policy "
                    + "and lost partitions; and a rebalancing summary whose `progress` is 1 - partitionsLeft / "
                    + "partitionsTotal over the current rebalance of each node still rebalancing: the caches it is loading "
                    + "and those it finished earlier in the same round (1 when none is). Read live from every "
                    + "server node; a node that does not answer within 5 s is listed with `reachable: false`.")
    @ApiResponse(responseCode = "200", description = "The cluster now")
    @GetMapping("/topology")
    public Mono<TopologyView> topology() {
        return grid.call(() -> AdminMapping.topology(admin.overview()));
    }

    @Operation(operationId = "resetLostPartitions", summary = "Make lost partitions usable again, accepting their loss",
            description = "A partition is lost when every node that held a copy of it has left the cluster at once; its "
                    + "keys are refused (503 `partitions_lost`) rather than read as absent. This resets the lost partitions "
                    + "of every partitioned cache that has any: they become usable again, EMPTY in an in-memory cluster, so "
                    + "**whatever they held (positions, limits, risk, alerts, fills, audit entries) is gone** and accounts "
                    + "whose data was in them are unknown until reloaded. Bring failed nodes back first if they can come back "
                    + "(with persistence they bring their data). Requires a `reason`; audited as LOST_PARTITIONS_RESET with "
                    + "the caches and partition ids. With nothing lost it does nothing and writes no audit entry.")
    @ApiResponse(responseCode = "200", description = "What was reset")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, no reason, a reason over 1000 characters or an "
            + "actor over 100 characters")
    @PostMapping(path = "/lost-partitions/reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<LostPartitionsReset> reset(@RequestBody LostPartitionsResetRequest body,
                                           @Parameter(description = "Who acts, when the body names no actor")
                                           @RequestHeader(name = Actor.HEADER, required = false) String actorHeader) {
        return Mono.defer(() -> {
            List<InputProblem> problems = new ArrayList<>();
            Accountable who = Accountable.check(body.reason(), "resetting lost partitions (their data is lost)",
                    body.actor(), actorHeader, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            long now = clock.millis();
            return grid.call(() -> AdminMapping.reset(admin.reset(who.actor(), who.reason(), now), now));
        });
    }
}
