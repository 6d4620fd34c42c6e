package io.riskgrid.api.stream;

import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.api.request.Echo;
import io.riskgrid.core.alert.Severity;
import io.riskgrid.grid.schema.GridTables;
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

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The live streams of risk and alerts as server-sent events, fed by continuous queries on the grid
 * (see {@link RiskStream} and {@link AlertStream}); {@code /stream/jobs/{id}} is in the job package.
 * Every stream sends a {@code : keep-alive} comment every {@code riskgrid.stream.heartbeat} (15 s).
 * Bad parameters are a 400 and an unknown account a 404, as JSON, before the stream starts.
 */
@RestController
@RequestMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
public class StreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

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
    @GetMapping("/risk")
    public Flux<ServerSentEvent<Object>> risk(@RequestParam(required = false) String accountId,
                                              @RequestParam(required = false) Double maxPerSecond,
                                              @RequestParam(required = false) Boolean snapshot,
                                              @RequestParam(required = false) String lastEventId,
                                              @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventHeader) {
        return Flux.defer(() -> {
            String account = blankToNull(accountId);
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
    @GetMapping("/alerts")
    public Flux<ServerSentEvent<Object>> alerts(@RequestParam(required = false) String accountId,
                                                @RequestParam(required = false) String minSeverity,
                                                @RequestParam(required = false) Boolean snapshot,
                                                @RequestParam(required = false) String lastEventId,
                                                @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventHeader) {
        return Flux.defer(() -> {
            String account = blankToNull(accountId);
            Severity min = severity(minSeverity);
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

    private static Severity severity(String severity) {
        if (severity == null || severity.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(severity.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("minSeverity", "minSeverity must be one of " + SEVERITIES + ", was '"
                    + Echo.clip(severity) + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
