package io.riskgrid.api.stream;

import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.api.request.Echo;
import io.riskgrid.api.request.Params;
import io.riskgrid.core.alert.Severity;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.api.account.AccountRiskSnapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.ignite.Ignite;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


/**
 * The live streams of risk and alerts as server-sent events, fed by continuous queries on the grid
 * (see {@link RiskStream} and {@link AlertStream}); {@code /stream/jobs/{id}} is in the job package.
 * Every stream sends a {@code : keep-alive} comment every {@code riskgrid.stream.heartbeat} (15 s).
 * Bad parameters are a 400 and an unknown account a 404, as JSON, before the stream starts.
 */
@Tag(name = "Streams", description = "Server-sent events (text/event-stream)")
@RestController
@RequestMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
public class StreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final RiskStream risk;
    private final AlertStream alerts;
    private final StreamProperties settings;
    private final GridCalls grid;
    private final Ignite ignite;

    public StreamController(RiskStream risk, AlertStream alerts, StreamProperties settings, GridCalls grid,
                            Ignite ignite) {
        this.risk = risk;
        this.alerts = alerts;
        this.settings = settings;
        this.grid = grid;
        this.ignite = ignite;
    }

    /**
     * Account risk snapshots (event {@code risk}) as they change, at most {@code maxPerSecond} per
     * account (latest wins), and firm totals (event {@code firm}) at most once a second while
     * anything changes, unless filtered by account. Event ids are epoch milliseconds: with
     * {@code Last-Event-ID} (or {@code ?lastEventId=}) the stream starts with the current snapshot
     * of every account that changed since; with {@code ?snapshot=true}, of every account.
     */
    @Operation(operationId = "streamRisk", summary = "Follow account risk and firm totals as they change",
            description = """
                    Server-sent events fed by a continuous query on ACCOUNT_RISK (material changes only):

                    - `event: risk`, `data:` an account's risk snapshot (the body of `GET /accounts/{id}/risk`), \
                    `id:` its `updatedAt`. An account sends at most `maxPerSecond` per second to a client; a change \
                    that comes sooner waits and is replaced by a newer one (latest wins).
                    - `event: firm`, `data:` the firm totals (the body of `GET /risk/status`), `id:` when they were \
                    computed; at most once a second while any account's risk or the firm's trading state changes; \
                    only on a stream without `accountId`.

                    The comment `: connected` comes first, once the client is registered; then `: keep-alive` every \
                    15 s. Ids are epoch milliseconds: with `Last-Event-ID` (as a reconnecting EventSource sends it) or \
                    `?lastEventId=`, the stream starts with the current snapshot of every account that changed since \
                    then (5 s earlier, to cover delivery order across nodes) and the firm totals; with \
                    `?snapshot=true`, of every account. A client that reads slowly gets each account's latest \
                    snapshot late, never a backlog.

                    ```
                    : connected

                    id:1795255644175
                    event:risk
                    data:{"accountId":"ACC-001","equity":1003125.5,...,"updatedAt":1795255644175}

                    id:1795255644890
                    event:firm
                    data:{"accounts":100,"equity":2.0E8,...,"tradingState":"ACTIVE","worstAccounts":[...]}
                    ```
                    """)
    @ApiResponse(responseCode = "200", description = "The event stream; `risk` data is an AccountRiskSnapshot",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = AccountRiskSnapshot.class)))
    @ApiResponse(responseCode = "400", description = "maxPerSecond outside 0.1..50, or a Last-Event-ID that is not an event id")
    @ApiResponse(responseCode = "404", description = "No account has this id")
    @GetMapping("/risk")
    public Flux<ServerSentEvent<Object>> risk(
            @Parameter(description = "Only this account's snapshots (and no firm events)") @RequestParam(required = false) String accountId,
            @Parameter(description = "Most snapshots per account per second, 0.1 to 50; default 2")
            @RequestParam(required = false) Double maxPerSecond,
            @Parameter(description = "Start with the current snapshot of every (matching) account")
            @RequestParam(required = false) Boolean snapshot,
            @Parameter(description = "Resume after this event id (as the Last-Event-ID header)")
            @RequestParam(required = false) String lastEventId,
            @Parameter(description = "Resume after this event id; an EventSource sends it when it reconnects")
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventHeader) {
        return Flux.defer(() -> {
            String account = Params.blankToNull(accountId);
            double perSecond = maxPerSecond == null ? settings.riskPerSecond() : maxPerSecond;
            if (!(perSecond >= 0.1 && perSecond <= 50)) {
                throw InvalidInputException.of("maxPerSecond", "maxPerSecond must be between 0.1 and 50, was "
                        + maxPerSecond);
            }
            Long after = eventId(lastEventId, lastEventHeader);
            Long resumeFrom = after != null ? after : Boolean.TRUE.equals(snapshot) ? Long.valueOf(0) : null;
            return accountExists(account)
                    .thenMany(Heartbeat.with(risk.events(account, perSecond, resumeFrom), settings.heartbeat()));
        });
    }

    /**
     * Alerts as they are raised and change severity or status (event {@code alert}), optionally of
     * one account and at or above a severity. Event ids are the alerts' {@code updatedAt}: with
     * {@code Last-Event-ID} (or {@code ?lastEventId=}) the stream starts with the current state of
     * every alert changed since; with {@code ?snapshot=true}, of every open alert.
     */
    @Operation(operationId = "streamAlerts", summary = "Follow alerts as they are raised and change",
            description = """
                    Server-sent events fed by a continuous query on ALERTS (changes of status or severity):
                    `event: alert`, `data:` `{kind, previousSeverity, previousStatus, alert}` where `kind` is \
                    RAISED, SEVERITY_UP, SEVERITY_DOWN, ACKNOWLEDGED, ESCALATED, RESOLVED or REOPENED and `alert` \
                    is the alert after the change (as `GET /alerts/active` lists it); `id:` the alert's `updatedAt`.

                    `minSeverity` passes alerts at or above it and the change that takes one below it. The comment \
                    `: connected` comes first, then `: keep-alive` every 15 s. With `Last-Event-ID` or \
                    `?lastEventId=` the stream starts with the current state (`kind: CURRENT`) of every alert that \
                    changed since then; with `?snapshot=true`, of every open alert. A client that reads slowly gets \
                    each alert's latest state late, never a backlog.

                    ```
                    : connected

                    id:1795255644212
                    event:alert
                    data:{"kind":"RAISED","previousSeverity":null,"previousStatus":null,"alert":{"alertId":"ACC-001-A1",...}}
                    ```
                    """)
    @ApiResponse(responseCode = "200", description = "The event stream; each event's data is an AlertStreamEvent",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = AlertStreamEvent.class)))
    @ApiResponse(responseCode = "400", description = "An unknown minSeverity, or a Last-Event-ID that is not an event id")
    @ApiResponse(responseCode = "404", description = "No account has this id")
    @GetMapping("/alerts")
    public Flux<ServerSentEvent<Object>> alerts(
            @Parameter(description = "Only this account's alerts") @RequestParam(required = false) String accountId,
            @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL") @RequestParam(required = false) String minSeverity,
            @Parameter(description = "Start with every open alert") @RequestParam(required = false) Boolean snapshot,
            @Parameter(description = "Resume after this event id (as the Last-Event-ID header)")
            @RequestParam(required = false) String lastEventId,
            @Parameter(description = "Resume after this event id; an EventSource sends it when it reconnects")
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventHeader) {
        return Flux.defer(() -> {
            String account = Params.blankToNull(accountId);
            Severity min = Params.severity(minSeverity, "minSeverity");
            Long after = eventId(lastEventId, lastEventHeader);
            AlertStream.Start start = after != null ? new AlertStream.Start.After(after)
                    : Boolean.TRUE.equals(snapshot) ? new AlertStream.Start.OpenAlerts() : new AlertStream.Start.Live();
            return accountExists(account)
                    .thenMany(Heartbeat.with(alerts.events(account, min, start), settings.heartbeat()));
        });
    }

    private Mono<Void> accountExists(String accountId) {
        if (accountId == null) {
            return Mono.empty();
        }
        return grid.call(() -> {
            if (!ignite.cache(GridTables.ACCOUNTS).containsKey(accountId)) {
                throw NotFoundException.account(accountId);
            }
            return Boolean.TRUE;
        }).then();
    }

    /** The event id to resume after: the query parameter, else the header a reconnecting EventSource sends. */
    private static Long eventId(String param, String header) {
        String field = param != null && !param.isBlank() ? "lastEventId" : LAST_EVENT_ID;
        String value = param != null && !param.isBlank() ? param : header;
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, field + " must be an event id this stream sent (epoch "
                    + "milliseconds, a non-negative integer), was '" + Echo.clip(value) + "'");
        }
    }
}
