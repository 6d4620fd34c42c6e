package io.riskgrid.api.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Accounts", description = "Accounts, their live risk (the ACCOUNT_RISK row) and their positions")
@RestController
@RequestMapping(path = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
public class AccountController {

    private final AccountLookup lookup;
    private final GridCalls grid;

    public AccountController(AccountLookup lookup, GridCalls grid) {
        this.lookup = lookup;
        this.grid = grid;
    }

    @Operation(operationId = "listAccounts", summary = "List accounts with their trading state",
            description = "Accounts in account id order, at most `limit` (default 1000) from `offset`.")
    @ApiResponse(responseCode = "200", description = "One page of accounts")
    @ApiResponse(responseCode = "400", description = "`limit` or `offset` is not a whole number or out of range")
    @GetMapping
    public Mono<List<AccountSummary>> accounts(
            @Parameter(description = "Most accounts to return, 1 to 10,000") @RequestParam(defaultValue = "1000") int limit,
            @Parameter(description = "Accounts to skip, 0 or more") @RequestParam(defaultValue = "0") int offset) {
        Page page;
        try {
            page = Page.of(limit, offset);
        } catch (InvalidInputException e) {
            return Mono.error(e);
        }
        return grid.call(() -> lookup.accounts(page.limit(), page.offset()));
    }

    @Operation(operationId = "getAccountRisk", summary = "Live risk of one account",
            description = "The account's ACCOUNT_RISK figures in camelCase (money in the account's base currency), "
                    + "its risk score with the components that make it up, its trading state and every limit as last "
                    + "measured.")
    @ApiResponse(responseCode = "200", description = "The account's risk snapshot")
    @ApiResponse(responseCode = "404", description = "No account has this id")
    @GetMapping("/{accountId}/risk")
    public Mono<AccountRiskSnapshot> risk(@Parameter(description = "The account id, e.g. `ACC-001`") @PathVariable String accountId) {
        return grid.call(() -> lookup.risk(accountId));
    }

    @Operation(operationId = "getAccountPositions", summary = "Positions of one account",
            description = "Every position of the account, marked at the newest price; a closed position (quantity 0) "
                    + "is listed while it holds realized P&L.")
    @ApiResponse(responseCode = "200", description = "The account's positions")
    @ApiResponse(responseCode = "404", description = "No account has this id")
    @GetMapping("/{accountId}/positions")
    public Mono<List<PositionView>> positions(@Parameter(description = "The account id") @PathVariable String accountId) {
        return grid.call(() -> lookup.positions(accountId));
    }
}
