package io.riskgrid.grid.reference;

import io.riskgrid.compute.control.AccountControlJob;
import io.riskgrid.compute.control.AuditTrail;
import io.riskgrid.compute.control.ControlResult;
import io.riskgrid.compute.control.PutLimitsJob;
import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.compute.ingest.PriceIngestTask;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.price.PriceBatch;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AccountRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.InstrumentRow;
import io.riskgrid.grid.schema.ReturnHistoryRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes reference data into the grid: instruments, accounts (each with its initial ACCOUNT_RISK
 * row, so risk exists for every account from the start), limits and opening prices. Used by the
 * demo and by tests; every method can be called from a server or a client node.
 * <p>
 * This class is thread-safe.
 */
public final class ReferenceDataWriter {

    /** The actor that reference-data writes are audited as. */
    public static final String ACTOR = AuditTrail.SYSTEM;

    private final Ignite ignite;

    public ReferenceDataWriter(Ignite ignite) {
        this.ignite = ignite;
    }

    public void upsertInstruments(List<Instrument> instruments) {
        Map<String, InstrumentRow> rows = new TreeMap<>();
        for (Instrument i : instruments) {
            InstrumentRow r = new InstrumentRow();
            r.symbol = i.symbol();
            r.assetClass = i.assetClass();
            r.sector = i.sector();
            r.currency = i.currency();
            r.contractSize = i.contractSize();
            r.marginRate = i.marginRate();
            rows.put(i.instrumentId(), r);
        }
        ignite.<String, InstrumentRow>cache(GridTables.INSTRUMENTS).putAll(rows);
    }

    /** Stores the accounts and gives each one that has none a flat ACCOUNT_RISK row. */
    public void upsertAccounts(List<Account> accounts) {
        IgniteCache<String, AccountRow> cache = ignite.cache(GridTables.ACCOUNTS);
        IgniteCache<String, AccountRiskRow> risk = ignite.cache(GridTables.ACCOUNT_RISK);
        long now = System.currentTimeMillis();
        // Sorted: ACCOUNTS is transactional, and a bulk write locks keys in iteration order.
        Map<String, AccountRow> rows = new TreeMap<>();
        for (Account a : accounts) {
            AccountRow r = new AccountRow();
            r.name = a.name();
            r.baseCurrency = a.baseCurrency();
            r.initialEquity = a.initialEquity();
            r.strategy = a.strategy();
            rows.put(a.accountId(), r);
        }
        cache.putAll(rows);
        for (Account a : accounts) {
            risk.putIfAbsent(a.accountId(), AccountBook.initialRisk(a.initialEquity(), now));
        }
    }

    /**
     * Stores limits, account by account, through the account's book so that its limit utilizations,
     * breaches and risk score follow at once; each is audited as LIMIT_SET by {@value #ACTOR}. With
     * {@code onlyWhereAbsent}, an existing limit of the same id is kept.
     */
    public void putLimits(List<AccountLimit> limits, boolean onlyWhereAbsent) {
        long now = System.currentTimeMillis();
        Map<String, List<AccountLimit>> byAccount = new TreeMap<>();
        for (AccountLimit l : limits) {
            byAccount.computeIfAbsent(l.accountId(), a -> new java.util.ArrayList<>()).add(l);
        }
        for (Map.Entry<String, List<AccountLimit>> e : byAccount.entrySet()) {
            ControlResult r = AccountControlJob.run(ignite, PutLimitsJob.of(e.getKey(), e.getValue(), onlyWhereAbsent,
                    AuditTrail.SYSTEM, "reference data", now));
            if (!r.ok()) {
                throw new IllegalArgumentException(r.problem);
            }
        }
    }

    /**
     * Stores daily return histories, by instrument id, oldest day first, the newest ending at
     * {@code asOf}; VaR and history replays use them from the next calculation on.
     */
    public void putReturnHistory(Map<String, double[]> returns, long asOf) {
        Map<String, ReturnHistoryRow> rows = new TreeMap<>();
        for (Map.Entry<String, double[]> e : returns.entrySet()) {
            for (int t = 0; t < e.getValue().length; t++) {
                if (!Double.isFinite(e.getValue()[t]) || e.getValue()[t] <= -1) {
                    throw new IllegalArgumentException("returns of " + e.getKey() + " [" + t
                            + "] must be a finite simple return above -1, was " + e.getValue()[t]);
                }
            }
            rows.put(e.getKey(), ReturnHistoryRow.of(e.getValue(), asOf));
        }
        ignite.<String, ReturnHistoryRow>cache(GridTables.RETURN_HISTORY).putAll(rows);
    }

    /** Stores prices through the price-ingest task, which re-marks positions. */
    public IngestResult putPrices(List<Price> prices) {
        return ignite.compute().execute(PriceIngestTask.NAME, PriceBatch.of(prices));
    }
}
