package io.riskgrid.api.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.riskgrid.api.account.AccountMapping;
import io.riskgrid.api.account.AccountRiskSnapshot;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.api.grid.GridFeedLifecycle;
import io.riskgrid.api.risk.FirmRisk;
import io.riskgrid.api.risk.RiskStatus;
import io.riskgrid.breach.MaterialRiskChange;
import io.riskgrid.breach.RiskChangeFeed;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.ControlRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The source of {@code /api/v1/stream/risk}: one continuous query on ACCOUNT_RISK (through
 * {@link RiskChangeFeed}, which passes only material changes) for the whole API, fanned out to the
 * connected clients.
 * <ul>
 *   <li>Event {@code risk}: an {@link AccountRiskSnapshot}, id = the row's {@code updatedAt}. Each
 *       client receives at most {@code maxPerSecond} per account; a change that comes sooner waits
 *       and is replaced by a newer one (latest wins).</li>
 *   <li>Event {@code firm}: the firm-wide {@link RiskStatus}, id = when it was computed, at most
 *       once per {@code riskgrid.stream.firm-interval} while any account's risk or the firm's trading
 *       state (TRADING_CONTROLS) changes, to clients that do not filter by account.</li>
 * </ul>
 * The snapshot is built once per change, not per client, and only while a client is connected.
 * <p>
 * This class is thread-safe.
 */
@Component
public class RiskStream extends GridFeedLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RiskStream.class);
    /** How often throttled frames are looked at; the latency a throttled frame can add beyond its interval. */
    static final Duration TICK = Duration.ofMillis(50);
    /** The key of the firm event in a client's buffer; no account id is empty. */
    private static final String FIRM_KEY = "";
    /** A payload that only clients without an account filter (those that take firm events) want. */
    private static final Object FIRM_PROBE = new Object();
    private static final String SINCE = "SELECT _KEY, _VAL FROM ACCOUNT_RISK WHERE UPDATED_AT >= ?";

    private final Ignite ignite;
    private final GridCalls grid;
    private final FirmRisk firmRisk;
    private final StreamProperties settings;
    private final StreamHub hub;
    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicBoolean firmRunning = new AtomicBoolean();
    private volatile long lastFirmNanos;

    public RiskStream(Ignite ignite, GridCalls grid, FirmRisk firmRisk, StreamProperties settings,
                      MeterRegistry registry) {
        this.ignite = ignite;
        this.grid = grid;
        this.firmRisk = firmRisk;
        this.settings = settings;
        this.hub = new StreamHub(new StreamMetrics(registry, "risk"), settings.maxKeysPerClient());
    }

    /**
     * The events for one client.
     *
     * @param accountId    only this account's snapshots (and no firm events); null for every account
     * @param maxPerSecond most snapshots per account per second
     * @param resumeFrom   null for changes from now on; else also the current snapshot of every
     *                     account whose risk changed at or after this epoch millisecond (less the
     *                     resume slack) and a firm event, before the live changes; 0 for all of them
     */
    public Flux<ServerSentEvent<Object>> events(String accountId, double maxPerSecond, Long resumeFrom) {
        return Flux.defer(() -> {
            Predicate<Object> wants = accountId == null ? p -> true
                    : p -> p instanceof AccountRiskSnapshot s && s.accountId().equals(accountId);
            StreamHub.Client client = hub.register(wants, Math.round(1e9 / maxPerSecond));
            Mono<Void> replay = resumeFrom == null ? Mono.empty() : grid.call(() -> {
                long from = resumeFrom - settings.resumeSlack().toMillis();
                for (Object[] row : rowsSince(accountId, from)) {
                    String id = (String) row[0];
                    AccountRiskRow risk = (AccountRiskRow) row[1];
                    client.offer(id, risk.updatedAt, event(AccountMapping.toSnapshot(id, risk)));
                }
                if (accountId == null) {
                    long now = System.currentTimeMillis();
                    client.offer(FIRM_KEY, now, firmEvent(firmRisk.status(), now));
                }
                return Boolean.TRUE;
            }).then();
            return Flux.concat(Flux.just(Heartbeat.<Object>connected()), replay.thenMany(hub.frames(client)))
                    .doFinally(s -> hub.remove(client));
        });
    }

    private List<Object[]> rowsSince(String accountId, long from) {
        String sql = accountId == null ? SINCE : SINCE + " AND _KEY = ?";
        Object[] args = accountId == null ? new Object[] {from} : new Object[] {from, accountId};
        SqlFieldsQuery q = new SqlFieldsQuery(sql).setArgs(args).setSchema(GridTables.SCHEMA);
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.ACCOUNT_RISK).query(q)) {
            return cursor.getAll().stream().map(List::toArray).toList();
        }
    }

    /** One material change, from the grid's callback pool. */
    void onChange(String accountId, AccountRiskRow row) {
        changed.set(true);
        if (hub.size() == 0) {
            return;
        }
        AccountRiskSnapshot snapshot = AccountMapping.toSnapshot(accountId, row);
        hub.publish(accountId, row.updatedAt, snapshot, event(snapshot));
    }

    private static ServerSentEvent<Object> event(AccountRiskSnapshot snapshot) {
        return ServerSentEvent.<Object>builder(snapshot).event("risk").id(Long.toString(snapshot.updatedAt())).build();
    }

    private static ServerSentEvent<Object> firmEvent(RiskStatus status, long at) {
        return ServerSentEvent.<Object>builder(status).event("firm").id(Long.toString(at)).build();
    }

    /** Every {@link #TICK}: frames whose throttle has passed go out; a firm event when one is due. */
    private void tick() {
        hub.drainAll();
        long now = System.nanoTime();
        if (now - lastFirmNanos < settings.firmInterval().toNanos() || !changed.get()
                || !hub.anyWants(FIRM_PROBE)) {
            return;
        }
        if (!firmRunning.compareAndSet(false, true)) {
            return;
        }
        lastFirmNanos = now;
        changed.set(false);
        grid.call(firmRisk::status)
                .doFinally(s -> firmRunning.set(false))
                .subscribe(status -> {
                    long at = System.currentTimeMillis();
                    hub.publish(FIRM_KEY, at, status, firmEvent(status, at));
                }, e -> LOG.debug("firm risk for the stream failed", e));
    }

    @Override
    protected AutoCloseable open() {
        RiskChangeFeed feed = RiskChangeFeed.openRows(ignite, MaterialRiskChange.DEFAULT, this::onChange);
        // A halt or resume of the whole firm changes no account's row, but changes the firm event.
        QueryCursor<?> firmControls = ignite.<String, ControlRow>cache(GridTables.TRADING_CONTROLS).query(
                new ContinuousQuery<String, ControlRow>().setLocalListener(events -> changed.set(true)));
        Disposable ticker = Flux.interval(TICK).onBackpressureDrop().subscribe(t -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("risk stream tick failed", e);
            }
        });
        return () -> {
            ticker.dispose();
            hub.completeAll();
            closeQuietly(firmControls, "firm controls query");
            feed.close();
        };
    }
}
