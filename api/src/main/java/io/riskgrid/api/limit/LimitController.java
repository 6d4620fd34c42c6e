package io.riskgrid.api.limit;

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

    @GetMapping
    public Mono<List<LimitView>> list(@RequestParam(required = false) String accountId,
                                      @RequestParam(defaultValue = "1000") int limit,
                                      @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            Page page = Page.of(limit, offset);
            String account = accountId == null || accountId.isBlank() ? null : accountId.trim();
            long now = clock.millis();
            return grid.call(() -> limits.list(account, page, now));
        });
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<LimitView>> put(@RequestBody JsonNode limitsBody,
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
