package io.riskgrid.api.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.riskgrid.api.request.Actor;
import io.riskgrid.api.request.Params;
import io.riskgrid.api.request.Page;
import io.riskgrid.api.request.Reason;
import io.riskgrid.api.request.TimeRange;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.breach.alert.AlertChange;
import io.riskgrid.core.alert.Severity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * The alert desk over REST:
 * <ul>
 *   <li>{@code GET /api/v1/alerts/active?accountId=&severity=&limit=&offset=}: open alerts (every
 *       status but RESOLVED), most severe first, then newest;</li>
 *   <li>{@code GET /api/v1/alerts/history?accountId=&from=&to=&limit=&offset=}: alerts of every
 *       status created between {@code from} and {@code to} (epoch ms, both included), newest first;</li>
 *   <li>{@code POST /api/v1/alerts/{id}/acknowledge} with an optional body {@code {actor?, comment?}}:
 *       the alert afterwards; 404 for an unknown alert, 409 for one already resolved.</li>
 * </ul>
 * Lists hold at most {@code limit} alerts (default 100, at most 10,000) from {@code offset}.
 */
@Tag(name = "Alerts", description = "Limit breaches as alerts: list, history, acknowledge")
@RestController
@RequestMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
public class AlertController {


    private final AlertBook alerts;
    private final GridCalls grid;
    private final Clock clock;

    public AlertController(AlertBook alerts, GridCalls grid, Clock clock) {
        this.alerts = alerts;
        this.grid = grid;
        this.clock = clock;
    }

    @Operation(operationId = "listActiveAlerts", summary = "Open alerts, most severe first",
            description = "Alerts of every status but RESOLVED (ACTIVE, ACKNOWLEDGED, ESCALATED), most severe first, "
                    + "then newest; at most `limit` (default 100) from `offset`.")
    @ApiResponse(responseCode = "200", description = "One page of open alerts")
    @ApiResponse(responseCode = "400", description = "Unknown `severity`, or `limit` or `offset` not a whole number or "
            + "out of range")
    @GetMapping("/active")
    public Mono<List<AlertView>> active(
            @Parameter(description = "Only this account's alerts") @RequestParam(required = false) String accountId,
            @Parameter(description = "Only alerts of this severity", schema = @Schema(allowableValues = {"LOW", "MEDIUM",
                    "HIGH", "CRITICAL"})) @RequestParam(required = false) String severity,
            @Parameter(description = "Most alerts to return, 1 to 10,000") @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "Alerts to skip, 0 or more") @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            Severity s = Params.severity(severity, "severity");
            Page page = Page.of(limit, offset);
            String account = Params.blankToNull(accountId);
            return grid.call(() -> alerts.active(account, s, page));
        });
    }

    @Operation(operationId = "listAlertHistory", summary = "Every alert, newest first",
            description = "Alerts of every status created between `from` and `to` (epoch ms, both included, either "
                    + "open when absent), newest first; at most `limit` (default 100) from `offset`.")
    @ApiResponse(responseCode = "200", description = "One page of alerts")
    @ApiResponse(responseCode = "400", description = "`from` after `to`, or a parameter that is not a whole number or "
            + "out of range")
    @GetMapping("/history")
    public Mono<List<AlertView>> history(
            @Parameter(description = "Only this account's alerts") @RequestParam(required = false) String accountId,
            @Parameter(description = "Earliest creation time, epoch ms, included") @RequestParam(required = false) Long from,
            @Parameter(description = "Latest creation time, epoch ms, included") @RequestParam(required = false) Long to,
            @Parameter(description = "Most alerts to return, 1 to 10,000") @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "Alerts to skip, 0 or more") @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            TimeRange range = TimeRange.of(from, to);
            Page page = Page.of(limit, offset);
            String account = Params.blankToNull(accountId);
            return grid.call(() -> alerts.history(account, range, page));
        });
    }

    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an open alert",
            description = "A person takes the alert on: it becomes ACKNOWLEDGED (a later rise in severity makes it "
                    + "ACTIVE again) and the acknowledgement is audited with its actor and comment. The body is "
                    + "optional.")
    @ApiResponse(responseCode = "200", description = "The alert afterwards")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a wrongly typed field, or an actor over 100 or a "
            + "comment over 1000 characters")
    @ApiResponse(responseCode = "404", description = "No alert has this id")
    @ApiResponse(responseCode = "409", description = "The alert is RESOLVED and can no longer be acknowledged")
    @PostMapping("/{alertId}/acknowledge")
    public Mono<AlertView> acknowledge(@Parameter(description = "The alert id, `<accountId>-A<n>`") @PathVariable String alertId,
                                       @RequestBody(required = false) AcknowledgeRequest body,
                                       @Parameter(description = "Who acts, when the body names no actor")
                                       @RequestHeader(name = Actor.HEADER, required = false) String actorHeader) {
        return Mono.defer(() -> {
            String actor = Actor.of(body == null ? null : body.actor(), actorHeader);
            String comment = Reason.optional(body == null ? null : body.comment(), "comment");
            long now = clock.millis();
            return grid.call(() -> alerts.acknowledge(alertId, actor, comment, now));
        }).map(ack -> {
            if (ack.outcome() != AlertChange.Outcome.ACKNOWLEDGED) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "alert '" + alertId + "' is "
                        + (ack.alert() == null ? "not open" : ack.alert().status()) + " and can no longer be acknowledged");
            }
            return ack.alert();
        });
    }
}
