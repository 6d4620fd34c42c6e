package io.riskgrid.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.riskgrid.api.request.Page;
import io.riskgrid.api.request.TimeRange;
import io.riskgrid.api.grid.GridCalls;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/audit?from=&to=&accountId=&action=&limit=&offset=}: the audit log, newest
 * first. {@code from} and {@code to} are epoch milliseconds, both included; {@code from} after
 * {@code to} is a 400. {@code action} is matched without regard to case. At most {@code limit}
 * entries (default 100, at most 10,000) from {@code offset}.
 */
@Tag(name = "Audit", description = "The audit trail of every manual and automatic action")
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {

    private final AuditLog log;
    private final GridCalls grid;

    public AuditController(AuditLog log, GridCalls grid) {
        this.log = log;
        this.grid = grid;
    }

    @Operation(operationId = "listAudit", summary = "The audit trail, newest first",
            description = "Entries between `from` and `to` (epoch ms, both included, either open when absent), at "
                    + "most `limit` (default 100) from `offset`.")
    @ApiResponse(responseCode = "200", description = "One page of audit entries")
    @ApiResponse(responseCode = "400", description = "`from` after `to`, or a parameter that is not a whole number or "
            + "out of range")
    @GetMapping
    public Mono<List<AuditEntry>> audit(
            @Parameter(description = "Earliest time, epoch ms, included") @RequestParam(required = false) Long from,
            @Parameter(description = "Latest time, epoch ms, included") @RequestParam(required = false) Long to,
            @Parameter(description = "Only this account's entries") @RequestParam(required = false) String accountId,
            @Parameter(description = "Only this action (HALT, RESUME, LIMIT_SET, ...), any case")
            @RequestParam(required = false) String action,
            @Parameter(description = "Most entries to return, 1 to 10,000") @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "Entries to skip, 0 or more") @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            TimeRange range = TimeRange.of(from, to);
            Page page = Page.of(limit, offset);
            String account = accountId == null || accountId.isBlank() ? null : accountId.trim();
            String kind = action == null || action.isBlank() ? null : action.trim().toUpperCase(Locale.ROOT);
            return grid.call(() -> log.entries(range, account, kind, page));
        });
    }
}
