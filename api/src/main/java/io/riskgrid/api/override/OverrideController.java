package io.riskgrid.api.override;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.riskgrid.api.request.Accountable;
import io.riskgrid.api.request.Actor;
import io.riskgrid.api.request.Echo;
import io.riskgrid.api.request.Params;
import io.riskgrid.api.request.Page;
import io.riskgrid.api.request.TimeOrderedId;
import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.core.account.TradingState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Overrides over REST:
 * <ul>
 *   <li>{@code POST /api/v1/overrides} {@code {accountId, limitId?, state?, value?, reason, expiresAt, actor?}}:
 *       exactly one of {@code limitId} (with a positive {@code value}: the limit's max value while the
 *       override lasts) or {@code state} (ACTIVE, REDUCING or HALTED); {@code expiresAt} in the future
 *       and at most {@value #MAX_DAYS} days ahead; {@code reason} required. 201 with the override;
 *       404 for an unknown account or limit. A newer override of the same limit or of the state
 *       replaces the previous one.</li>
 *   <li>{@code GET /api/v1/overrides?accountId=&status=&limit=&offset=}: overrides newest first,
 *       {@code status} ACTIVE, EXPIRED or REPLACED.</li>
 * </ul>
 * A state override loosens or tightens the account's drawdown tier while it lasts; the kill switch
 * still wins over it.
 */
@Tag(name = "Overrides", description = "Bounded-time overrides of a limit or of an account's trading state")
@RestController
@RequestMapping(path = "/api/v1/overrides", produces = MediaType.APPLICATION_JSON_VALUE)
public class OverrideController {

    /** Longest an override may last: it is a temporary measure, a lasting change is a new limit. */
    static final int MAX_DAYS = 7;
    private static final long MAX_MILLIS = Duration.ofDays(MAX_DAYS).toMillis();
    private static final Set<String> STATUSES = Set.of("ACTIVE", "EXPIRED", "REPLACED");

    private final OverrideDesk desk;
    private final GridCalls grid;
    private final Clock clock;

    public OverrideController(OverrideDesk desk, GridCalls grid, Clock clock) {
        this.desk = desk;
        this.grid = grid;
        this.clock = clock;
    }

    @Operation(operationId = "createOverride", summary = "Override a limit or the trading state until a time",
            description = "Exactly one of `limitId` (with a positive `value`: the limit's max value while the override "
                    + "lasts) or `state` (ACTIVE, REDUCING or HALTED). `expiresAt` is epoch ms, in the future and at "
                    + "most 7 days ahead; the override ends by itself then, and the end is audited. A newer override "
                    + "of the same limit or of the state replaces the previous one. `reason` is required.")
    @ApiResponse(responseCode = "201", description = "The override, ACTIVE")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a missing or wrongly typed field, both or neither "
            + "of limitId and state, a value that is not positive, an expiry in the past or over 7 days ahead, or no "
            + "reason")
    @ApiResponse(responseCode = "404", description = "Unknown account, or unknown limit of the account")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<OverrideView> create(@RequestBody OverrideRequest body,
                                     @Parameter(description = "Who overrides, when the body names no actor")
                                     @RequestHeader(name = Actor.HEADER, required = false) String actorHeader) {
        return Mono.defer(() -> {
            long now = clock.millis();
            Checked c = check(body, actorHeader, now);
            String id = TimeOrderedId.next("OVR", now);
            return grid.call(() -> desk.create(id, c.accountId, c.limitId, c.value, c.state, c.expiresAt, c.actor,
                    c.reason, now));
        });
    }

    @Operation(operationId = "listOverrides", summary = "Overrides and what became of them",
            description = "Overrides newest first, at most `limit` (default 100) from `offset`.")
    @ApiResponse(responseCode = "200", description = "One page of overrides")
    @ApiResponse(responseCode = "400", description = "Unknown `status`, or `limit` or `offset` not a whole number or "
            + "out of range")
    @GetMapping
    public Mono<List<OverrideView>> list(
            @Parameter(description = "Only this account's overrides") @RequestParam(required = false) String accountId,
            @Parameter(description = "Only overrides in this status", schema = @Schema(allowableValues = {"ACTIVE",
                    "EXPIRED", "REPLACED"})) @RequestParam(required = false) String status,
            @Parameter(description = "Most overrides to return, 1 to 10,000") @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "Overrides to skip, 0 or more") @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            Page page = Page.of(limit, offset);
            String account = Params.blankToNull(accountId);
            String s = Params.blankToNull(status);
            if (s != null) {
                s = s.toUpperCase(Locale.ROOT);
                if (!STATUSES.contains(s)) {
                    throw InvalidInputException.of("status", "status must be one of ACTIVE, EXPIRED, REPLACED, was '"
                            + Echo.clip(status) + "'");
                }
            }
            String filter = s;
            return grid.call(() -> desk.list(account, filter, page));
        });
    }

    private record Checked(String accountId, String limitId, Double value, TradingState state, long expiresAt,
                           String actor, String reason) {
    }

    /** The request's fields, checked together so that every problem is reported at once. */
    private static Checked check(OverrideRequest body, String actorHeader, long now) {
        List<InputProblem> problems = new ArrayList<>();
        String accountId = Params.blankToNull(body.accountId());
        if (accountId == null) {
            problems.add(new InputProblem("accountId", "accountId is required"));
        }
        String limitId = Params.blankToNull(body.limitId());
        String stateText = Params.blankToNull(body.state());
        TradingState state = null;
        if (limitId != null && stateText != null) {
            problems.add(new InputProblem("state", "give either limitId (with value) or state, not both: "
                    + "one override changes one limit or the trading state"));
        } else if (limitId == null && stateText == null) {
            problems.add(new InputProblem("limitId", "limitId (with value) or state is required"));
        } else if (limitId != null) {
            if (body.value() == null) {
                problems.add(new InputProblem("value", "value is required with limitId: the limit's max value while "
                        + "the override lasts"));
            } else if (!(body.value() > 0) || body.value().isInfinite()) {
                problems.add(new InputProblem("value", "value must be a positive number, was " + body.value()));
            }
        } else {
            try {
                state = TradingState.valueOf(stateText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("state", "state must be one of ACTIVE, REDUCING, HALTED, was '"
                        + Echo.clip(stateText) + "'"));
            }
            if (body.value() != null) {
                problems.add(new InputProblem("value", "value applies to limit overrides only; leave it out with state"));
            }
        }
        Long expiresAt = body.expiresAt();
        if (expiresAt == null) {
            problems.add(new InputProblem("expiresAt", "expiresAt is required: when the override ends, epoch ms"));
        } else if (expiresAt <= now) {
            problems.add(new InputProblem("expiresAt", "expiresAt must be in the future, was " + expiresAt
                    + " (now " + now + ")"));
        } else if (expiresAt - now > MAX_MILLIS) {
            problems.add(new InputProblem("expiresAt", "expiresAt must be at most " + MAX_DAYS + " days ahead (by "
                    + (now + MAX_MILLIS) + "), was " + expiresAt + "; an override is temporary: change the limit "
                    + "itself for longer"));
        }
        Accountable who = Accountable.check(body.reason(), "overriding", body.actor(), actorHeader, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(accountId, limitId, body.value(), state, expiresAt, who.actor(), who.reason());
    }
}
