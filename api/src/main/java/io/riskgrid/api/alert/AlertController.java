package io.riskgrid.api.alert;

import io.riskgrid.api.request.Actor;
import io.riskgrid.api.request.Echo;
import io.riskgrid.api.request.Page;
import io.riskgrid.api.request.Reason;
import io.riskgrid.api.request.TimeRange;
import io.riskgrid.api.error.InvalidInputException;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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
@RestController
@RequestMapping(path = "/api/v1/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
public class AlertController {

    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final AlertBook alerts;
    private final GridCalls grid;
    private final Clock clock;

    public AlertController(AlertBook alerts, GridCalls grid, Clock clock) {
        this.alerts = alerts;
        this.grid = grid;
        this.clock = clock;
    }

    @GetMapping("/active")
    public Mono<List<AlertView>> active(@RequestParam(required = false) String accountId,
                                        @RequestParam(required = false) String severity,
                                        @RequestParam(defaultValue = "100") int limit,
                                        @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            Severity s = severity(severity);
            Page page = Page.of(limit, offset);
            String account = blankToNull(accountId);
            return grid.call(() -> alerts.active(account, s, page));
        });
    }

    @GetMapping("/history")
    public Mono<List<AlertView>> history(@RequestParam(required = false) String accountId,
                                         @RequestParam(required = false) Long from,
                                         @RequestParam(required = false) Long to,
                                         @RequestParam(defaultValue = "100") int limit,
                                         @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            TimeRange range = TimeRange.of(from, to);
            Page page = Page.of(limit, offset);
            String account = blankToNull(accountId);
            return grid.call(() -> alerts.history(account, range, page));
        });
    }

    @PostMapping("/{alertId}/acknowledge")
    public Mono<AlertView> acknowledge(@PathVariable String alertId,
                                       @RequestBody(required = false) AcknowledgeRequest body,
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

    private static Severity severity(String severity) {
        if (severity == null || severity.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(severity.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("severity", "severity must be one of " + SEVERITIES + ", was '"
                    + Echo.clip(severity) + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
