package io.riskgrid.grid.testing;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.price.Price;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.ScanQuery;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A trading desk for integration tests: creates accounts, instruments and limits, sends fills and
 * prices through the real ingest tasks, and reads back risk and alerts. Prices carry increasing
 * timestamps so that each one is newer than the last.
 */
public final class Desk {

    private static final AtomicLong CLOCK = new AtomicLong(1_000);
    private static final AtomicLong FILL_IDS = new AtomicLong();

    private final Ignite ignite;
    private final ReferenceDataWriter writer;

    public Desk(Ignite ignite) {
        this.ignite = ignite;
        this.writer = new ReferenceDataWriter(ignite);
    }

    public Desk account(String accountId, double equity) {
        writer.upsertAccounts(List.of(new Account(accountId, accountId, "USD", equity, "TEST")));
        return this;
    }

    /** An equity instrument (contract size 1, margin 25%) with an opening price. */
    public Desk instrument(String instrumentId, String sector, double price) {
        writer.upsertInstruments(List.of(new Instrument(instrumentId, instrumentId, "EQUITY", sector, "USD", 1, 0.25)));
        return price(instrumentId, price);
    }

    public Desk limit(String accountId, String limitId, LimitScope scope, String target, LimitMetric metric, double max,
                      double warnAt) {
        writer.putLimits(List.of(new AccountLimit(accountId, limitId, scope, target, metric, max, warnAt)), false);
        return this;
    }

    public Desk limit(String accountId, String limitId, LimitMetric metric, double max) {
        return limit(accountId, limitId, LimitScope.ACCOUNT, null, metric, max, 0.8);
    }

    public Desk price(String instrumentId, double price) {
        writer.putPrices(List.of(new Price(instrumentId, price, CLOCK.incrementAndGet())));
        return this;
    }

    public IngestResult fill(String accountId, String instrumentId, Side side, double quantity, double price) {
        Fill f = new Fill("F-" + FILL_IDS.incrementAndGet(), accountId, instrumentId, side, quantity, price,
                System.currentTimeMillis(), null, null);
        return ignite.compute().execute(FillIngestTask.NAME, FillBatch.of(List.of(f)));
    }

    public AccountRiskRow risk(String accountId) {
        return ignite.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).get(accountId);
    }

    /** Every alert of the account, by alert id. */
    public Map<String, AlertRow> alerts(String accountId) {
        Map<String, AlertRow> out = new TreeMap<>();
        ignite.<AlertKey, AlertRow>cache(GridTables.ALERTS)
                .query(new ScanQuery<AlertKey, AlertRow>((k, v) -> k.accountId().equals(accountId)))
                .forEach(e -> out.put(e.getKey().alertId(), e.getValue()));
        return out;
    }

    public Ignite ignite() {
        return ignite;
    }
}
