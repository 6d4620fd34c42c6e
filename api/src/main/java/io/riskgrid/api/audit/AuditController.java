package io.riskgrid.api.audit;

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
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {

    private final AuditLog log;
    private final GridCalls grid;

    public AuditController(AuditLog log, GridCalls grid) {
        this.log = log;
        this.grid = grid;
    }

    @GetMapping
    public Mono<List<AuditEntry>> audit(@RequestParam(required = false) Long from,
                                        @RequestParam(required = false) Long to,
                                        @RequestParam(required = false) String accountId,
                                        @RequestParam(required = false) String action,
                                        @RequestParam(defaultValue = "100") int limit,
                                        @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            TimeRange range = TimeRange.of(from, to);
            Page page = Page.of(limit, offset);
            String account = accountId == null || accountId.isBlank() ? null : accountId.trim();
            String kind = action == null || action.isBlank() ? null : action.trim().toUpperCase(Locale.ROOT);
            return grid.call(() -> log.entries(range, account, kind, page));
        });
    }
}
