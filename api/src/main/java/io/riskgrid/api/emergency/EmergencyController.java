package io.riskgrid.api.emergency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.riskgrid.api.request.Accountable;
import io.riskgrid.api.request.Actor;
import io.riskgrid.api.request.Echo;
import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.grid.GridCalls;
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
import java.util.Locale;

/**
 * The kill switches over REST:
 * <ul>
 *   <li>{@code POST /api/v1/emergency/halt-trading} {@code {scope: FIRM|ACCOUNT, accountId?, reason, actor?}}:
 *       halts the firm (no order of any account passes) or one account;</li>
 *   <li>{@code POST /api/v1/emergency/resume}, same body: resumes it;</li>
 *   <li>{@code GET /api/v1/emergency/status}: the firm's state and every restricted account.</li>
 * </ul>
 * {@code accountId} is required for ACCOUNT and refused for FIRM; {@code reason} is required; an
 * unknown account is a 404. Each action is audited as HALT or RESUME with its actor and reason.
 */
@Tag(name = "Emergency", description = "Kill switches: halt and resume the firm or one account")
@RestController
@RequestMapping(path = "/api/v1/emergency", produces = MediaType.APPLICATION_JSON_VALUE)
public class EmergencyController {

    private final EmergencyDesk desk;
    private final GridCalls grid;
    private final Clock clock;

    public EmergencyController(EmergencyDesk desk, GridCalls grid, Clock clock) {
        this.desk = desk;
        this.grid = grid;
        this.clock = clock;
    }

    @Operation(operationId = "haltTrading", summary = "Halt trading of the firm or of one account",
            description = "Scope FIRM halts every account (no order passes the pre-trade check); scope ACCOUNT, with "
                    + "`accountId`, halts one until a person resumes it. Audited as HALT with its actor and reason.")
    @ApiResponse(responseCode = "200", description = "The trading state before and after")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a missing or wrongly typed field, a scope other "
            + "than FIRM or ACCOUNT, `accountId` missing for ACCOUNT or given for FIRM, no reason, or an actor over "
            + "100 characters")
    @ApiResponse(responseCode = "404", description = "Unknown account")
    @PostMapping(path = "/halt-trading", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<EmergencyResult> halt(@RequestBody EmergencyRequest body,
                                      @Parameter(description = "Who acts, when the body names no actor")
                                       @RequestHeader(name = Actor.HEADER, required = false) String actorHeader) {
        return Mono.defer(() -> {
            Checked c = check(body, actorHeader, "halting trading");
            long now = clock.millis();
            return grid.call(() -> desk.halt(c.scope, c.accountId, c.actor, c.reason, now));
        });
    }

    @Operation(operationId = "resumeTrading", summary = "Resume trading of the firm or of one account",
            description = "Resuming an account clears its kill switch and its drawdown tier (an unexpired state "
                    + "override still applies); resuming the firm clears a halt by hand or by a circuit breaker. "
                    + "Audited as RESUME with its actor and reason.")
    @ApiResponse(responseCode = "200", description = "The trading state before and after")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a missing or wrongly typed field, a scope other "
            + "than FIRM or ACCOUNT, `accountId` missing for ACCOUNT or given for FIRM, no reason, or an actor over "
            + "100 characters")
    @ApiResponse(responseCode = "404", description = "Unknown account")
    @PostMapping(path = "/resume", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<EmergencyResult> resume(@RequestBody EmergencyRequest body,
                                        @Parameter(description = "Who acts, when the body names no actor")
                                       @RequestHeader(name = Actor.HEADER, required = false) String actorHeader) {
        return Mono.defer(() -> {
            Checked c = check(body, actorHeader, "resuming trading");
            long now = clock.millis();
            return grid.call(() -> desk.resume(c.scope, c.accountId, c.actor, c.reason, now));
        });
    }

    @Operation(operationId = "getEmergencyStatus", summary = "Who is halted or restricted, and why",
            description = "The firm's trading state (with who or which circuit breaker set it) and every account that "
                    + "is not ACTIVE, has its kill switch on, has a state override or is in a drawdown tier.")
    @ApiResponse(responseCode = "200", description = "The firm's state and the restricted accounts")
    @GetMapping("/status")
    public Mono<EmergencyStatus> status() {
        return grid.call(desk::status);
    }

    private record Checked(EmergencyDesk.Scope scope, String accountId, String actor, String reason) {
    }

    /** The request's fields, checked together so that every problem is reported at once. */
    private static Checked check(EmergencyRequest body, String actorHeader, String action) {
        List<InputProblem> problems = new ArrayList<>();
        EmergencyDesk.Scope scope = null;
        String accountId = body.accountId() == null || body.accountId().isBlank() ? null : body.accountId().trim();
        if (body.scope() == null || body.scope().isBlank()) {
            problems.add(new InputProblem("scope", "scope is required: FIRM or ACCOUNT"));
        } else {
            try {
                scope = EmergencyDesk.Scope.valueOf(body.scope().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("scope", "scope must be FIRM or ACCOUNT, was '"
                        + Echo.clip(body.scope()) + "'"));
            }
        }
        if (scope == EmergencyDesk.Scope.ACCOUNT && accountId == null) {
            problems.add(new InputProblem("accountId", "accountId is required for scope ACCOUNT"));
        } else if (scope == EmergencyDesk.Scope.FIRM && accountId != null) {
            problems.add(new InputProblem("accountId", "accountId must not be given for scope FIRM, which applies to "
                    + "every account; use scope ACCOUNT for one account"));
        }
        Accountable who = Accountable.check(body.reason(), action, body.actor(), actorHeader, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(scope, accountId, who.actor(), who.reason());
    }
}
