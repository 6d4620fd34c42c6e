package io.riskgrid.compute.ingest;

import io.riskgrid.core.account.AccountRisk;
import io.riskgrid.core.account.AccountRiskCalculator;
import io.riskgrid.core.account.PositionExposure;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.PositionMath;
import io.riskgrid.core.position.PositionState;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AccountRow;
import io.riskgrid.grid.schema.FillKey;
import io.riskgrid.grid.schema.FillRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.InstrumentRow;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import io.riskgrid.grid.schema.PriceRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.transactions.Transaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.ignite.transactions.TransactionConcurrency.PESSIMISTIC;
import static org.apache.ignite.transactions.TransactionIsolation.REPEATABLE_READ;

/**
 * Applies fills and marks to one account's book inside one grid transaction, so that the fills,
 * the positions they change and the account's risk are written together or not at all.
 * <p>
 * Every change to an account first locks its ACCOUNT_RISK entry (a pessimistic read), which
 * serializes all writers of one account and gives every transaction the same lock order. A fill
 * whose id is already in FILLS is a duplicate and changes nothing. A position is marked at the
 * newer of its own last mark and the price in PRICES, so a mark that arrives late never replaces a
 * newer one; a position with no price yet is marked at its fill price. Reference data and prices
 * live in ATOMIC caches and are read before a transaction starts, never inside one.
 * <p>
 * The position maths is {@link PositionMath} and the risk figures {@link AccountRiskCalculator};
 * this class only reads, converts and writes. Instances are stateless apart from the cache handles
 * and are thread-safe.
 */
public final class AccountBook {

    /** Mark timestamp of a position marked at a fill price, which any market price supersedes. */
    static final long FILL_PRICE_MARK = Long.MIN_VALUE;

    private final Ignite ignite;
    private final IgniteCache<String, AccountRiskRow> risk;
    private final IgniteCache<String, AccountRow> accounts;
    private final IgniteCache<PositionKey, PositionRow> positions;
    private final IgniteCache<FillKey, FillRow> fills;
    private final IgniteCache<String, InstrumentRow> instruments;
    private final IgniteCache<String, PriceRow> prices;

    public AccountBook(Ignite ignite) {
        this.ignite = ignite;
        this.risk = ignite.cache(GridTables.ACCOUNT_RISK);
        this.accounts = ignite.cache(GridTables.ACCOUNTS);
        this.positions = ignite.cache(GridTables.POSITIONS);
        this.fills = ignite.cache(GridTables.FILLS);
        this.instruments = ignite.cache(GridTables.INSTRUMENTS);
        this.prices = ignite.cache(GridTables.PRICES);
    }

    /**
     * Applies the fills of one account in order, skipping those already applied.
     *
     * @return {accepted, duplicates}
     */
    public int[] applyFills(String accountId, List<Fill> accountFills, long now) {
        // Sorted collections: bulk operations in a transaction lock keys in iteration order.
        Set<String> instrumentIds = new TreeSet<>();
        Set<FillKey> fillKeys = new TreeSet<>();
        for (Fill f : accountFills) {
            instrumentIds.add(f.instrumentId());
            fillKeys.add(new FillKey(accountId, f.fillId()));
        }
        // Reference data and prices are ATOMIC caches, read before the transaction starts.
        Map<String, InstrumentRow> refs = instruments.getAll(instrumentIds);
        Map<String, PriceRow> marks = prices.getAll(instrumentIds);
        int[] result;
        try (Transaction tx = ignite.transactions().txStart(PESSIMISTIC, REPEATABLE_READ)) {
            AccountRiskRow riskRow = lockRisk(accountId, now);
            Set<FillKey> seen = new HashSet<>(fills.getAll(fillKeys).keySet());
            Set<String> held = new TreeSet<>(Arrays.asList(riskRow.instrumentIds));
            held.addAll(instrumentIds);
            Map<PositionKey, PositionRow> book = readBook(accountId, held);
            Map<PositionKey, PositionRow> changed = new TreeMap<>();
            Map<FillKey, FillRow> applied = new TreeMap<>();
            int duplicates = 0;
            for (Fill f : accountFills) {
                FillKey fk = new FillKey(accountId, f.fillId());
                if (!seen.add(fk)) {
                    duplicates++;
                    continue;
                }
                InstrumentRow ref = refs.get(f.instrumentId());
                PositionKey pk = new PositionKey(accountId, f.instrumentId());
                PositionRow row = book.computeIfAbsent(pk, k -> newPosition(ref));
                PositionState after = PositionMath.DEFAULT.apply(
                        new PositionState(row.quantity, row.avgPrice, row.realizedPnl), f, row.contractSize);
                row.quantity = after.quantity();
                row.avgPrice = after.avgPrice();
                row.realizedPnl = after.realizedPnl();
                row.fillCount++;
                if (row.markTs == FILL_PRICE_MARK) {
                    row.markPrice = f.price();
                }
                PriceRow px = marks.get(f.instrumentId());
                if (px != null && px.ts >= row.markTs) {
                    row.markPrice = px.price;
                    row.markTs = px.ts;
                }
                mark(row);
                row.updatedAt = now;
                changed.put(pk, row);
                applied.put(fk, fillRow(f, now));
            }
            if (!applied.isEmpty()) {
                positions.putAll(changed);
                fills.putAll(applied);
                writeRisk(accountId, riskRow, book, now);
            }
            tx.commit();
            result = new int[]{applied.size(), duplicates};
        }
        remarkIfPricesMoved(accountId, instrumentIds, marks, now);
        return result;
    }

    /**
     * A price stored after this transaction read PRICES may have been re-marked before the fill
     * opened its position, so the new position would miss it: mark again if any price moved.
     */
    private void remarkIfPricesMoved(String accountId, Set<String> instrumentIds, Map<String, PriceRow> used, long now) {
        Map<String, PriceRow> current = prices.getAll(instrumentIds);
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, PriceRow> e : current.entrySet()) {
            PriceRow before = used.get(e.getKey());
            if (before == null || e.getValue().ts > before.ts) {
                moved.add(e.getKey());
            }
        }
        if (!moved.isEmpty()) {
            remark(accountId, moved, now);
        }
    }

    /**
     * Re-marks the account's positions in the given instruments at the current PRICES and
     * recomputes its risk. Does nothing if the account holds none of them.
     *
     * @return the number of positions re-marked
     */
    public int remark(String accountId, Collection<String> instrumentIds, long now) {
        Map<String, PriceRow> marks = prices.getAll(new TreeSet<>(instrumentIds));
        try (Transaction tx = ignite.transactions().txStart(PESSIMISTIC, REPEATABLE_READ)) {
            AccountRiskRow riskRow = risk.get(accountId);
            if (riskRow == null) {
                return 0;
            }
            Set<String> held = new TreeSet<>(Arrays.asList(riskRow.instrumentIds));
            Map<PositionKey, PositionRow> book = readBook(accountId, held);
            Map<PositionKey, PositionRow> changed = new TreeMap<>();
            for (Map.Entry<PositionKey, PositionRow> e : book.entrySet()) {
                PriceRow px = marks.get(e.getKey().instrumentId());
                PositionRow row = e.getValue();
                if (px != null && px.ts >= row.markTs) {
                    row.markPrice = px.price;
                    row.markTs = px.ts;
                    mark(row);
                    row.updatedAt = now;
                    changed.put(e.getKey(), row);
                }
            }
            if (!changed.isEmpty()) {
                positions.putAll(changed);
                writeRisk(accountId, riskRow, book, now);
            }
            tx.commit();
            return changed.size();
        }
    }

    /** The ACCOUNT_RISK row of a new account: flat, at its initial equity, ACTIVE. */
    public static AccountRiskRow initialRisk(double initialEquity, long now) {
        AccountRiskRow r = new AccountRiskRow();
        r.initialEquity = initialEquity;
        r.equity = initialEquity;
        r.marginAvailable = initialEquity;
        r.peakEquity = initialEquity;
        r.sodEquity = initialEquity;
        r.tradingState = TradingState.ACTIVE.name();
        r.instrumentIds = new String[0];
        r.updatedAt = now;
        return r;
    }

    private AccountRiskRow lockRisk(String accountId, long now) {
        AccountRiskRow row = risk.get(accountId);
        if (row != null) {
            return row;
        }
        AccountRow account = accounts.get(accountId);
        if (account == null) {
            throw new IllegalStateException("account '" + accountId + "' does not exist");
        }
        return initialRisk(account.initialEquity, now);
    }

    private Map<PositionKey, PositionRow> readBook(String accountId, Set<String> instrumentIds) {
        Set<PositionKey> keys = new TreeSet<>();
        for (String i : instrumentIds) {
            keys.add(new PositionKey(accountId, i));
        }
        return new TreeMap<>(positions.getAll(keys));
    }

    private void writeRisk(String accountId, AccountRiskRow row, Map<PositionKey, PositionRow> book, long now) {
        List<PositionExposure> exposures = new ArrayList<>(book.size());
        String[] held = new String[book.size()];
        int i = 0;
        for (Map.Entry<PositionKey, PositionRow> e : book.entrySet()) {
            String instrumentId = e.getKey().instrumentId();
            PositionRow p = e.getValue();
            exposures.add(new PositionExposure(instrumentId, p.realizedPnl, p.unrealizedPnl, p.marketValue, p.marginRate));
            held[i++] = instrumentId;
        }
        AccountRisk r = AccountRiskCalculator.DEFAULT.compute(row.initialEquity, row.peakEquity, row.sodEquity, exposures);
        row.equity = r.equity();
        row.realizedPnl = r.realizedPnl();
        row.unrealizedPnl = r.unrealizedPnl();
        row.pnlTotal = r.pnlTotal();
        row.dailyPnl = r.dailyPnl();
        row.grossExposure = r.grossExposure();
        row.netExposure = r.netExposure();
        row.leverage = r.leverage();
        row.marginUsed = r.marginUsed();
        row.marginAvailable = r.marginAvailable();
        row.maxConcentration = r.maxConcentration();
        row.maxConcentrationInstrument = r.maxConcentrationInstrument();
        row.peakEquity = r.peakEquity();
        row.drawdown = r.drawdown();
        row.sodEquity = r.sodEquity();
        row.riskScore = r.score().score();
        row.scoreLeverage = r.score().leverageComponent();
        row.scoreDrawdown = r.score().drawdownComponent();
        row.scoreConcentration = r.score().concentrationComponent();
        row.scoreMargin = r.score().marginComponent();
        row.positionCount = countOpen(book.values());
        row.instrumentIds = held;
        row.updatedAt = now;
        risk.put(accountId, row);
    }

    private static int countOpen(Collection<PositionRow> rows) {
        int n = 0;
        for (PositionRow p : rows) {
            if (p.quantity != 0) {
                n++;
            }
        }
        return n;
    }

    private static void mark(PositionRow row) {
        double contractSize = row.contractSize;
        PositionState state = new PositionState(row.quantity, row.avgPrice, row.realizedPnl);
        row.marketValue = PositionMath.DEFAULT.marketValue(row.quantity, row.markPrice, contractSize);
        row.unrealizedPnl = PositionMath.DEFAULT.unrealizedPnl(state, row.markPrice, contractSize);
    }

    private static PositionRow newPosition(InstrumentRow ref) {
        PositionRow row = new PositionRow();
        row.contractSize = ref.contractSize;
        row.marginRate = ref.marginRate;
        row.markTs = FILL_PRICE_MARK;
        return row;
    }

    private static FillRow fillRow(Fill f, long now) {
        FillRow r = new FillRow();
        r.instrumentId = f.instrumentId();
        r.side = f.side().name();
        r.quantity = f.quantity();
        r.price = f.price();
        r.ts = f.timestamp();
        r.strategy = f.strategy();
        r.venue = f.venue();
        r.receivedAt = now;
        return r;
    }
}
