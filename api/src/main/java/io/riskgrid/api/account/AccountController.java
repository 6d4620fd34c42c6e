package io.riskgrid.api.account;

import io.riskgrid.api.request.Page;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.grid.GridCalls;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * {@code GET /api/v1/accounts}, {@code /accounts/{id}/risk} and {@code /accounts/{id}/positions}.
 * An unknown account id is a 404.
 */
@RestController
@RequestMapping(path = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
public class AccountController {

    private final AccountLookup lookup;
    private final GridCalls grid;

    public AccountController(AccountLookup lookup, GridCalls grid) {
        this.lookup = lookup;
        this.grid = grid;
    }

    @GetMapping
    public Mono<List<AccountSummary>> accounts(@RequestParam(defaultValue = "1000") int limit,
                                               @RequestParam(defaultValue = "0") int offset) {
        Page page;
        try {
            page = Page.of(limit, offset);
        } catch (InvalidInputException e) {
            return Mono.error(e);
        }
        return grid.call(() -> lookup.accounts(page.limit(), page.offset()));
    }

    @GetMapping("/{accountId}/risk")
    public Mono<AccountRiskSnapshot> risk(@PathVariable String accountId) {
        return grid.call(() -> lookup.risk(accountId));
    }

    @GetMapping("/{accountId}/positions")
    public Mono<List<PositionView>> positions(@PathVariable String accountId) {
        return grid.call(() -> lookup.positions(accountId));
    }
}
