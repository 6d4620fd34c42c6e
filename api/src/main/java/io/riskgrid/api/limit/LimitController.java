package io.riskgrid.api.limit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.request.Actor;
import io.riskgrid.api.request.Page;
import io.riskgrid.api.request.Reason;
import io.riskgrid.api.grid.GridCalls;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * {@code GET /api/v1/limits?accountId=&limit=&offset=} lists limits (one account's, or every
 * account's in (account, limit id) order; at most {@code limit}, default 1000, from {@code offset});
 * an unknown account is a 404. Each limit carries its effective max value and the account's current
 * value and utilization of it.
 * <p>
 * {@code PUT /api/v1/limits} sets one limit object or an array of them:
 * {@code {accountId, limitId, scope, target?, metric, maxValue, warnAt?, actor?, reason?}}. A limit
 * with an existing id replaces it (an override raising it stays in force until it ends). The whole
 * request is checked first and any problem, an unknown account included, rejects all of it with a
 * 400 naming every problem; otherwise the answer is 200 with the limits as stored, always an array.
 * {@code actor} (else the {@code X-Actor} header, else {@code api}) and {@code reason} are audited
 * with every limit; entries of one request that give them must give the same.
 */
@Tag(name = "Limits", description = "Risk limits of accounts and the firm's risk policy")
@RestController
@RequestMapping(path = "/api/v1/limits", produces = MediaType.APPLICATION_JSON_VALUE)
public class LimitController {

    private final LimitBook limits;
    private final GridCalls grid;
    private final Clock clock;

    public LimitController(LimitBook limits, GridCalls grid, Clock clock) {
        this.limits = limits;
        this.grid = grid;
        this.clock = clock;
    }

    @Operation(operationId = "listLimits", summary = "List limits with their utilization",
            description = "One account's limits, or every account's in (account, limit id) order, at most `limit` "
                    + "(default 1000) from `offset`. Each carries its effective max value (an override raises it "
                    + "while it lasts) and the account's current value and utilization of it.")
    @ApiResponse(responseCode = "200", description = "One page of limits")
    @ApiResponse(responseCode = "400", description = "`limit` or `offset` is not a whole number or out of range")
    @ApiResponse(responseCode = "404", description = "`accountId` names no account")
    @GetMapping
    public Mono<List<LimitView>> list(
            @Parameter(description = "Only this account's limits; every account's when absent")
            @RequestParam(required = false) String accountId,
            @Parameter(description = "Most limits to return, 1 to 10,000") @RequestParam(defaultValue = "1000") int limit,
            @Parameter(description = "Limits to skip, 0 or more") @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            Page page = Page.of(limit, offset);
            String account = accountId == null || accountId.isBlank() ? null : accountId.trim();
            long now = clock.millis();
            return grid.call(() -> limits.list(account, page, now));
        });
    }

    @Operation(operationId = "putLimits", summary = "Set one limit or many, all or nothing",
            description = "The body is one limit object or an array of them (at most 10,000). The whole request is "
                    + "checked first: any problem, an unknown account or an unknown field included, rejects all of it "
                    + "with a 400 naming every problem (`limits[2].maxValue` in an array, `maxValue` for a single "
                    + "object). Each limit set is audited as LIMIT_SET with its value before and after.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(types = {"object", "array"}, oneOf = {LimitRequest.class, LimitRequest[].class}))))
    @ApiResponse(responseCode = "200", description = "The limits as stored, always an array")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a missing, unknown or wrongly typed field, a value "
            + "out of range, an unknown account, or the same limit twice; nothing is applied")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<LimitView>> put(@RequestBody JsonNode limitsBody,
                                     @Parameter(description = "Who sets the limits, when the body names no actor")
                                     @RequestHeader(name = Actor.HEADER, required = false) String actorHeader) {
        return Mono.defer(() -> {
            LimitMapping.LimitsRequest request = LimitMapping.toRequest(limitsBody);
            String actor = Actor.of(request.actor(), actorHeader);
            String reason = Reason.optional(request.reason(), "reason");
            long now = clock.millis();
            return grid.call(() -> limits.put(request, actor, reason, now));
        });
    }
}
