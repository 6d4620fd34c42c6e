package io.riskgrid.compute.ingest;

import io.riskgrid.compute.control.AuditTrail;
import io.riskgrid.compute.control.PolicyStore;
import io.riskgrid.core.account.AccountRisk;
import io.riskgrid.core.account.AccountRiskCalculator;
import io.riskgrid.core.account.PositionExposure;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.alert.AlertPolicy;
import io.riskgrid.core.alert.Severity;
import io.riskgrid.core.control.DrawdownTier;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.core.control.TradingControls;
import io.riskgrid.core.limit.AccountExposure;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitEvaluator;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.limit.LimitSet;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.PositionMath;
import io.riskgrid.core.position.PositionState;
import io.riskgrid.core.risk.RiskScore;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AccountRow;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.FillKey;
import io.riskgrid.grid.schema.FillRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.InstrumentRow;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import io.riskgrid.grid.schema.PriceRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheEntryProcessor;
import org.apache.ignite.transactions.Transaction;

import javax.cache.processor.EntryProcessorResult;
import javax.cache.processor.MutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.ignite.transactions.TransactionConcurrency.PESSIMISTIC;
import static org.apache.ignite.transactions.TransactionIsolation.READ_COMMITTED;

/**
 * Applies fills and marks to accounts' books inside grid transactions, so that the fills, the
 * positions they change and the accounts' risk are written together or not at all. A batch of many
 * accounts is one transaction with one bulk read and one bulk write per table.
 * <p>
 * Every change to an account first locks its ACCOUNT_RISK entry (an entry processor that only
 * reads it; several accounts in account order), which serializes all writers of one account and
 * gives every transaction the same lock order. Under that lock the account's other rows are read
 * without locks of their own (READ_COMMITTED: only writes lock), which keeps a transaction's
 * lock set to the rows it writes. A fill
 * whose id is already in FILLS is a duplicate and changes nothing. A position is marked at the
 * newer of its own last mark and the price in PRICES, so a mark that arrives late never replaces a
 * newer one; a position with no price yet is marked at its fill price. Reference data and prices
 * live in ATOMIC caches and are read before a transaction starts, never inside one.
 * <p>
 * Every write recomputes, in the same transaction, what the account's limits and controls make of
 * its risk: the utilization of each limit (at its effective max, raised while an override lasts),
 * the open breaches and their severities under the {@link RiskPolicy}'s hysteresis, the drawdown
 * tier and the trading state; the continuous-query breach engine turns the breaches written here
 * into ALERTS rows. An automatic change of drawdown tier or trading state is written to AUDIT_LOG
 * with the drawdown that caused it, in the same transaction.
 * <p>
 * The position maths is {@link PositionMath}, the risk figures {@link AccountRiskCalculator}, limit
 * values {@link LimitEvaluator}, breach severity {@link AlertPolicy} and trading state
 * {@link TradingControls}; this class only reads, converts and writes. Instances are stateless apart from the cache handles
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
    private final IgniteCache<LimitKey, LimitRow> limits;
    private final IgniteCache<String, AuditRow> audit;
    private final PolicyStore policies;
    private final BookCache bookCache;

    private static final ReadLocked READ_LOCKED = new ReadLocked();

    public AccountBook(Ignite ignite) {
        this.ignite = ignite;
        this.risk = ignite.cache(GridTables.ACCOUNT_RISK);
        this.accounts = ignite.cache(GridTables.ACCOUNTS);
        this.positions = ignite.cache(GridTables.POSITIONS);
        this.fills = ignite.cache(GridTables.FILLS);
        this.instruments = ignite.cache(GridTables.INSTRUMENTS);
        this.prices = ignite.cache(GridTables.PRICES);
        this.limits = ignite.cache(GridTables.LIMITS);
        this.audit = ignite.cache(GridTables.AUDIT_LOG);
        this.policies = new PolicyStore(ignite);
        this.bookCache = BookCache.of(ignite);
    }

    /** Fills applied in one transaction at most (an account's fills are never split between two). */
    public static final int MAX_FILLS_PER_TRANSACTION = 4_096;

    /**
     * Applies fills of any accounts, each account's in the order given, skipping those already
     * applied: in transactions of whole accounts of at most {@value #MAX_FILLS_PER_TRANSACTION}
     * fills (more if one account has more), each all or nothing.
     *
     * @return {accepted, duplicates}
     * @throws IllegalStateException if an account does not exist (earlier transactions stay applied)
     */
    public int[] applyFills(List<Fill> fills, long now) {
        Map<String, List<Fill>> byAccount = new TreeMap<>();
        for (Fill f : fills) {
            byAccount.computeIfAbsent(f.accountId(), a -> new ArrayList<>()).add(f);
        }
        int accepted = 0;
        int duplicates = 0;
        TreeMap<String, List<Fill>> chunk = new TreeMap<>();
        int chunkFills = 0;
        for (Map.Entry<String, List<Fill>> e : byAccount.entrySet()) {
            if (chunkFills > 0 && chunkFills + e.getValue().size() > MAX_FILLS_PER_TRANSACTION) {
                int[] r = applyFills(chunk, now);
                accepted += r[0];
                duplicates += r[1];
                chunk = new TreeMap<>();
                chunkFills = 0;
            }
            chunk.put(e.getKey(), e.getValue());
            chunkFills += e.getValue().size();
        }
        if (!chunk.isEmpty()) {
            int[] r = applyFills(chunk, now);
            accepted += r[0];
            duplicates += r[1];
        }
        return new int[]{accepted, duplicates};
    }

    /**
     * Applies the fills of one account in order, skipping those already applied.
     *
     * @return {accepted, duplicates}
     */
    public int[] applyFills(String accountId, List<Fill> accountFills, long now) {
        return applyFills(new TreeMap<>(Map.of(accountId, accountFills)), now);
    }

    /**
     * Applies the fills of several accounts in one transaction: each account's fills in their
     * order, skipping those already applied. The accounts' risk rows are locked first, in account
     * order, so that batches and single-account changes never wait on each other in a cycle; every
     * read and write is one bulk operation per table for the whole batch, which is what makes a big
     * batch cheaper per fill than one transaction per account. All or nothing: an unknown account
     * fails the whole batch.
     *
     * @param byAccount each account's fills, in the order to apply them
     * @return {accepted, duplicates}
     * @throws IllegalStateException if an account does not exist
     */
    public int[] applyFills(SortedMap<String, List<Fill>> byAccount, long now) {
        // Sorted collections: bulk operations in a transaction lock keys in iteration order.
        Set<String> instrumentIds = new TreeSet<>();
        Set<FillKey> fillKeys = new TreeSet<>();
        for (Map.Entry<String, List<Fill>> e : byAccount.entrySet()) {
            for (Fill f : e.getValue()) {
                instrumentIds.add(f.instrumentId());
                fillKeys.add(new FillKey(e.getKey(), f.fillId()));
            }
        }
        // Reference data and prices are ATOMIC caches, read before the transaction starts.
        Map<String, InstrumentRow> refs = instruments.getAll(instrumentIds);
        Map<String, PriceRow> marks = prices.getAll(instrumentIds);
        RiskPolicy policy = policies.read();
        int accepted = 0;
        int duplicates = 0;
        try (Transaction tx = ignite.transactions().txStart(PESSIMISTIC, READ_COMMITTED)) {
            Map<String, AccountRiskRow> riskRows = lockRisk(byAccount.keySet(), now);
            Set<FillKey> seen = new HashSet<>(fills.getAll(fillKeys).keySet());
            Map<String, Set<String>> traded = new HashMap<>();
            for (Map.Entry<String, List<Fill>> e : byAccount.entrySet()) {
                Set<String> ids = new HashSet<>();
                e.getValue().forEach(f -> ids.add(f.instrumentId()));
                traded.put(e.getKey(), ids);
            }
            Books loaded = books(riskRows, traded);
            Map<String, TreeMap<PositionKey, PositionRow>> books = loaded.positions;
            Map<String, TreeMap<String, LimitRow>> accountLimits = loaded.limits;
            Writes w = new Writes();
            for (Map.Entry<String, List<Fill>> e : byAccount.entrySet()) {
                String accountId = e.getKey();
                TreeMap<PositionKey, PositionRow> book = books.get(accountId);
                int applied = 0;
                for (Fill f : e.getValue()) {
                    FillKey fk = new FillKey(accountId, f.fillId());
                    if (!seen.add(fk)) {
                        duplicates++;
                        continue;
                    }
                    PositionKey pk = new PositionKey(accountId, f.instrumentId());
                    PositionRow row = book.computeIfAbsent(pk, k -> newPosition(refs.get(f.instrumentId())));
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
                    w.positions.put(pk, row.copy());
                    w.fills.put(fk, fillRow(f, now));
                    applied++;
                }
                if (applied > 0) {
                    AccountUpdate u = new AccountUpdate(accountId, now, policy, riskRows.get(accountId),
                            accountLimits.get(accountId));
                    recompute(u, book, w);
                    accepted += applied;
                }
            }
            w.write();
            tx.commit();
            loaded.keep(w.risk);
        }
        remarkIfPricesMoved(byAccount, instrumentIds, marks, now);
        return new int[]{accepted, duplicates};
    }

    /**
     * A price stored after this transaction read PRICES may have been re-marked before the fill
     * opened its position, so the new position would miss it: mark again if any price moved.
     */
    private void remarkIfPricesMoved(SortedMap<String, List<Fill>> byAccount, Set<String> instrumentIds,
                                     Map<String, PriceRow> used, long now) {
        Map<String, PriceRow> current = prices.getAll(instrumentIds);
        Set<String> moved = new HashSet<>();
        for (Map.Entry<String, PriceRow> e : current.entrySet()) {
            PriceRow before = used.get(e.getKey());
            if (before == null || e.getValue().ts > before.ts) {
                moved.add(e.getKey());
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        SortedMap<String, Collection<String>> again = new TreeMap<>();
        for (Map.Entry<String, List<Fill>> e : byAccount.entrySet()) {
            for (Fill f : e.getValue()) {
                if (moved.contains(f.instrumentId())) {
                    again.computeIfAbsent(e.getKey(), a -> new TreeSet<>()).add(f.instrumentId());
                }
            }
        }
        remark(again, now);
    }

    /**
     * Re-marks the account's positions in the given instruments at the current PRICES and
     * recomputes its risk. Does nothing if the account holds none of them.
     *
     * @return the number of positions re-marked
     */
    public int remark(String accountId, Collection<String> instrumentIds, long now) {
        return remark(new TreeMap<>(Map.of(accountId, instrumentIds)), now);
    }

    /**
     * Re-marks, in one transaction, each account's positions in the instruments given for it at the
     * current PRICES, and recomputes the risk of every account whose marks changed. Accounts that do
     * not exist or hold none of their instruments are left alone.
     *
     * @return the number of positions re-marked
     */
    public int remark(SortedMap<String, ? extends Collection<String>> instrumentsByAccount, long now) {
        if (instrumentsByAccount.isEmpty()) {
            return 0;
        }
        Set<String> instrumentIds = new TreeSet<>();
        instrumentsByAccount.values().forEach(instrumentIds::addAll);
        Map<String, PriceRow> marks = prices.getAll(instrumentIds);
        RiskPolicy policy = policies.read();
        try (Transaction tx = ignite.transactions().txStart(PESSIMISTIC, READ_COMMITTED)) {
            Map<String, AccountRiskRow> riskRows = lockExisting(instrumentsByAccount.keySet());
            Books loaded = books(riskRows, Map.of());
            Map<String, TreeMap<PositionKey, PositionRow>> books = loaded.positions;
            Writes w = new Writes();
            int remarked = 0;
            for (Map.Entry<String, TreeMap<PositionKey, PositionRow>> b : books.entrySet()) {
                String accountId = b.getKey();
                Collection<String> wanted = instrumentsByAccount.get(accountId);
                int changed = 0;
                for (Map.Entry<PositionKey, PositionRow> e : b.getValue().entrySet()) {
                    String instrumentId = e.getKey().instrumentId();
                    PriceRow px = marks.get(instrumentId);
                    PositionRow row = e.getValue();
                    if (px != null && px.ts >= row.markTs && wanted.contains(instrumentId)) {
                        row.markPrice = px.price;
                        row.markTs = px.ts;
                        mark(row);
                        row.updatedAt = now;
                        w.positions.put(e.getKey(), row.copy());
                        changed++;
                    }
                }
                if (changed > 0) {
                    AccountUpdate u = new AccountUpdate(accountId, now, policy, riskRows.get(accountId),
                            loaded.limits.get(accountId));
                    recompute(u, b.getValue(), w);
                    remarked += changed;
                }
            }
            w.write();
            tx.commit();
            loaded.keep(w.risk);
            return remarked;
        }
    }

    /**
     * Applies a change to the account under its lock (limits, kill switch, overrides), recomputes
     * its risk, breaches and trading state, and commits it all with the change's audit rows.
     *
     * @return the update, after commit
     * @throws IllegalStateException if the account does not exist
     */
    public AccountUpdate update(String accountId, long now, AccountChange change) {
        RiskPolicy policy = policies.read();
        try (Transaction tx = ignite.transactions().txStart(PESSIMISTIC, READ_COMMITTED)) {
            AccountRiskRow riskRow = lockRisk(new TreeSet<>(Set.of(accountId)), now).get(accountId);
            AccountUpdate u = new AccountUpdate(accountId, now, policy, riskRow, readLimits(accountId, riskRow));
            u.manual = change.byPerson();
            change.apply(u);
            Map<PositionKey, PositionRow> book = readBook(accountId, new TreeSet<>(Arrays.asList(riskRow.instrumentIds)));
            Writes w = new Writes();
            recompute(u, book, w);
            change.afterRecompute(u);
            w.audit(u);
            w.write();
            tx.commit();
            return u;
        } finally {
            // Rare and may change limits: the next fill reads the book from the grid.
            bookCache.invalidate(List.of(accountId));
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
        r.drawdownTier = DrawdownTier.NONE.name();
        r.sizingFactor = 1;
        r.instrumentIds = new String[0];
        r.limitIds = new String[0];
        r.updatedAt = now;
        return r;
    }

    /**
     * Locks the accounts' risk rows in account order; an account without one yet (no fill so far)
     * starts from its initial risk.
     *
     * @throws IllegalStateException if an account does not exist
     */
    private Map<String, AccountRiskRow> lockRisk(Set<String> accountIds, long now) {
        Map<String, AccountRiskRow> rows = lockExisting(accountIds);
        if (rows.size() < accountIds.size()) {
            Set<String> missing = new TreeSet<>(accountIds);
            missing.removeAll(rows.keySet());
            Map<String, AccountRow> found = accounts.getAll(missing);
            for (String accountId : missing) {
                AccountRow account = found.get(accountId);
                if (account == null) {
                    throw new IllegalStateException("account '" + accountId + "' does not exist");
                }
                rows.put(accountId, initialRisk(account.initialEquity, now));
            }
        }
        return rows;
    }

    /**
     * Locks the accounts' risk rows, in the iteration order of {@code accountIds}, and reads those
     * that exist. The lock on an account's risk row is what every writer of the account's rows
     * (positions, fills, limits, risk) holds, so once it is held those rows can be read without
     * locks of their own: transactions run READ_COMMITTED, where only writes lock, and this
     * method takes the one lock that matters with a processor that reads the row and changes
     * nothing.
     */
    private Map<String, AccountRiskRow> lockExisting(Set<String> accountIds) {
        Map<String, AccountRiskRow> rows = new TreeMap<>();
        for (Map.Entry<String, EntryProcessorResult<AccountRiskRow>> e : risk.invokeAll(accountIds, READ_LOCKED).entrySet()) {
            AccountRiskRow row = e.getValue().get();
            if (row != null) {
                rows.put(e.getKey(), row);
            }
        }
        return rows;
    }

    /** Reads a risk row under the lock its invocation takes; changes nothing. */
    private static final class ReadLocked implements CacheEntryProcessor<String, AccountRiskRow, AccountRiskRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public AccountRiskRow process(MutableEntry<String, AccountRiskRow> entry, Object... args) {
            return entry.getValue();
        }
    }

    /** Writes a risk row over the one its lock was taken on. */
    private static final class Replace implements CacheEntryProcessor<String, AccountRiskRow, Void> {
        private static final long serialVersionUID = 1L;

        private final AccountRiskRow row;

        Replace(AccountRiskRow row) {
            this.row = row;
        }

        @Override
        public Void process(MutableEntry<String, AccountRiskRow> entry, Object... args) {
            entry.setValue(row);
            return null;
        }
    }

    /** The account's positions in these instruments, by key in key order (locked when read inside a transaction). */
    public Map<PositionKey, PositionRow> readBook(String accountId, Set<String> instrumentIds) {
        Set<PositionKey> keys = new TreeSet<>();
        for (String i : instrumentIds) {
            keys.add(new PositionKey(accountId, i));
        }
        return new TreeMap<>(positions.getAll(keys));
    }

    /** The account's limits (those its risk row lists), by limit id in id order. */
    public TreeMap<String, LimitRow> readLimits(String accountId, AccountRiskRow row) {
        return readLimits(Map.of(accountId, row)).getOrDefault(accountId, new TreeMap<>());
    }

    /** The limits of each account (those its risk row lists), by account and then limit id, with one bulk read. */
    private Map<String, TreeMap<String, LimitRow>> readLimits(Map<String, AccountRiskRow> riskRows) {
        Set<LimitKey> keys = new TreeSet<>();
        for (Map.Entry<String, AccountRiskRow> e : riskRows.entrySet()) {
            String[] ids = e.getValue().limitIds;
            if (ids != null) {
                for (String id : ids) {
                    keys.add(new LimitKey(e.getKey(), id));
                }
            }
        }
        Map<String, TreeMap<String, LimitRow>> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        for (Map.Entry<LimitKey, LimitRow> e : limits.getAll(keys).entrySet()) {
            out.computeIfAbsent(e.getKey().accountId(), a -> new TreeMap<>()).put(e.getKey().limitId(), e.getValue());
        }
        return out;
    }

    /**
     * The positions and limits of locked accounts: taken from this node's {@link BookCache} where it
     * is as of the locked risk row (and put back only after commit), otherwise read from the grid (every held position, and the
     * positions in {@code alsoRead} that a fill may open).
     */
    private Books books(Map<String, AccountRiskRow> riskRows, Map<String, ? extends Collection<String>> alsoRead) {
        Books out = new Books();
        Map<String, AccountRiskRow> toRead = new TreeMap<>();
        for (Map.Entry<String, AccountRiskRow> e : riskRows.entrySet()) {
            BookCache.Book b = bookCache.take(e.getKey(), e.getValue());
            if (b != null) {
                out.positions.put(e.getKey(), b.positions());
                out.limits.put(e.getKey(), b.limits());
            } else {
                toRead.put(e.getKey(), e.getValue());
            }
        }
        if (!toRead.isEmpty()) {
            Set<PositionKey> keys = new TreeSet<>();
            for (Map.Entry<String, AccountRiskRow> e : toRead.entrySet()) {
                for (String i : e.getValue().instrumentIds) {
                    keys.add(new PositionKey(e.getKey(), i));
                }
                Collection<String> more = alsoRead.get(e.getKey());
                if (more != null) {
                    for (String i : more) {
                        keys.add(new PositionKey(e.getKey(), i));
                    }
                }
            }
            out.positions.putAll(byAccount(positions.getAll(keys)));
            out.limits.putAll(readLimits(toRead));
        }
        for (String accountId : riskRows.keySet()) {
            out.positions.computeIfAbsent(accountId, a -> new TreeMap<>());
            out.limits.computeIfAbsent(accountId, a -> new TreeMap<>());
        }
        return out;
    }

    /** Books of a transaction's accounts, to keep in the cache once it commits. */
    private final class Books {
        final Map<String, TreeMap<PositionKey, PositionRow>> positions = new HashMap<>();
        final Map<String, TreeMap<String, LimitRow>> limits = new HashMap<>();

        /** Keeps the books of the accounts whose risk rows were written, as of those rows. */
        void keep(Map<String, AccountRiskRow> written) {
            for (Map.Entry<String, AccountRiskRow> e : written.entrySet()) {
                bookCache.put(e.getKey(), e.getValue(), positions.get(e.getKey()), limits.get(e.getKey()));
            }
        }
    }

    /** Positions grouped by account, each account's in key order. */
    private static Map<String, TreeMap<PositionKey, PositionRow>> byAccount(Map<PositionKey, PositionRow> rows) {
        Map<String, TreeMap<PositionKey, PositionRow>> out = new HashMap<>();
        for (Map.Entry<PositionKey, PositionRow> e : rows.entrySet()) {
            out.computeIfAbsent(e.getKey().accountId(), a -> new TreeMap<>()).put(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * Recomputes the account's risk, limits and controls, and adds the risk row, the update's limit
     * changes and its audit rows to the transaction's writes.
     */
    private void recompute(AccountUpdate u, Map<PositionKey, PositionRow> book, Writes w) {
        String accountId = u.accountId;
        AccountRiskRow row = u.risk;
        long now = u.now;
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
        row.positionCount = countOpen(book.values());
        row.instrumentIds = held;
        evaluateLimits(u, book);
        applyControls(u);
        double varOverEquity = row.var99 == null || !(row.equity > 0) ? Double.NaN : row.var99 / row.equity;
        RiskScore score = r.score().withLimitsAndVar(row.maxLimitUtilization, varOverEquity);
        row.riskScore = score.score();
        row.scoreLimits = score.limitComponent();
        row.scoreLeverage = score.leverageComponent();
        row.scoreDrawdown = score.drawdownComponent();
        row.scoreVar = score.varComponent();
        row.scoreConcentration = score.concentrationComponent();
        row.scoreMargin = score.marginComponent();
        row.updatedAt = now;
        row.version++;
        for (Map.Entry<String, LimitRow> e : u.changedLimits.entrySet()) {
            w.limits.put(new LimitKey(accountId, e.getKey()), e.getValue());
        }
        w.risk.put(accountId, row);
        w.audit(u);
    }

    /**
     * The rows one transaction writes, gathered so that each table gets one bulk write in key
     * order at the end. Not thread-safe: it lives inside one transaction on one thread.
     */
    private final class Writes {
        final Map<PositionKey, PositionRow> positions = new TreeMap<>();
        final Map<FillKey, FillRow> fills = new TreeMap<>();
        final Map<String, AccountRiskRow> risk = new TreeMap<>();
        final Map<LimitKey, LimitRow> limits = new TreeMap<>();
        final Map<String, AuditRow> audits = new TreeMap<>();

        /** Takes the update's audit rows, each under a new event id. */
        void audit(AccountUpdate u) {
            for (AuditRow a : u.audits) {
                audits.put(AuditTrail.newEventId(u.now), a);
            }
            u.audits.clear();
        }

        void write() {
            if (!positions.isEmpty()) {
                AccountBook.this.positions.putAll(positions);
            }
            if (!fills.isEmpty()) {
                AccountBook.this.fills.putAll(fills);
            }
            if (!limits.isEmpty()) {
                AccountBook.this.limits.putAll(limits);
            }
            if (!risk.isEmpty()) {
                // A key a processor has touched in a transaction takes no plain put: the new row goes in by processor too.
                Map<String, Replace> replace = new TreeMap<>();
                risk.forEach((k, v) -> replace.put(k, new Replace(v)));
                AccountBook.this.risk.invokeAll(replace);
            }
            if (!audits.isEmpty()) {
                AccountBook.this.audit.putAll(audits);
            }
        }
    }

    /**
     * Measures every limit of the account at its effective max and carries each limit's breach
     * forward under the policy's hysteresis. A limit whose breach opens gets a new alert id; one
     * whose breach closes loses it, and the breach engine resolves that alert.
     */
    private static void evaluateLimits(AccountUpdate u, Map<PositionKey, PositionRow> book) {
        AccountRiskRow row = u.risk;
        AccountExposure x = exposure(row, book);
        LimitSet set = limitSet(u.accountId, u.limits, u.now);
        int n = set.size();
        String[] ids = new String[n];
        double[] values = new double[n];
        double[] current = new double[n];
        double[] utilization = new double[n];
        String[] alertIds = new String[n];
        String[] severities = new String[n];
        double worst = 0;
        String worstId = null;
        int open = 0;
        AlertPolicy policy = u.policy.alerts();
        for (int i = 0; i < n; i++) {
            ids[i] = set.limitId(i);
            values[i] = set.maxValue(i);
            current[i] = LimitEvaluator.DEFAULT.value(set, i, x);
            utilization[i] = current[i] / values[i];
            int before = indexOf(row.limitIds, ids[i]);
            String severityBefore = before < 0 || row.breachSeverities == null ? null : row.breachSeverities[before];
            String alertBefore = before < 0 || row.breachAlertIds == null ? null : row.breachAlertIds[before];
            Severity next = policy.next(severityBefore == null ? null : Severity.valueOf(severityBefore), utilization[i],
                    set.warnAt(i));
            if (next != null) {
                severities[i] = next.name();
                alertIds[i] = alertBefore != null ? alertBefore : AlertKey.alertId(u.accountId, ++row.alertSeq);
                open++;
            }
            if (utilization[i] > worst) {
                worst = utilization[i];
                worstId = ids[i];
            }
        }
        row.limitIds = ids;
        row.limitValues = values;
        row.currentValues = current;
        row.utilizations = utilization;
        row.breachAlertIds = alertIds;
        row.breachSeverities = severities;
        row.maxLimitUtilization = worst;
        row.worstLimitId = worstId;
        row.openBreaches = open;
        row.nextExpiryAt = nextExpiry(u);
    }

    /**
     * Moves the drawdown tier up as drawdown deepens (it never moves down by itself) and derives the
     * trading state; an automatic change of either is audited with the drawdown that caused it.
     */
    private static void applyControls(AccountUpdate u) {
        AccountRiskRow row = u.risk;
        DrawdownTier stored = row.drawdownTier == null ? DrawdownTier.NONE : DrawdownTier.valueOf(row.drawdownTier);
        DrawdownTier reached = u.policy.drawdown().tierOf(row.drawdown);
        DrawdownTier tier = DrawdownTier.max(stored, reached);
        if (tier != stored) {
            u.audits.add(AuditTrail.row(u.now, AuditTrail.SYSTEM, "DRAWDOWN_TIER", u.accountId, stored.name(), tier.name(),
                    String.format(Locale.ROOT, "drawdown %.4f reached the %s tier at %.4f", row.drawdown, tier.name(),
                            u.policy.drawdown().threshold(tier)), row.drawdown, null));
        }
        row.drawdownTier = tier.name();
        row.sizingFactor = tier == DrawdownTier.REDUCE_SIZE ? u.policy.drawdown().sizingFactor() : 1;
        TradingState before = row.tradingState == null ? TradingState.ACTIVE : TradingState.valueOf(row.tradingState);
        TradingState override = row.stateOverride == null ? null : TradingState.valueOf(row.stateOverride);
        long until = row.stateOverrideUntil == null ? Long.MIN_VALUE : row.stateOverrideUntil;
        TradingState after = TradingControls.DEFAULT.accountState(row.killSwitch, override, until, tier, u.now);
        if (u.stateBefore == null) {
            u.stateBefore = before;
        }
        u.stateAfter = after;
        if (after != before && !u.manual) {
            u.audits.add(AuditTrail.row(u.now, AuditTrail.SYSTEM, "TRADING_STATE", u.accountId, before.name(), after.name(),
                    String.format(Locale.ROOT, "drawdown %.4f, tier %s%s", row.drawdown, tier.name(),
                            override != null && u.now >= until ? ", state override expired" : ""), row.drawdown, null));
        }
        row.tradingState = after.name();
    }

    /** What the account's limits are measured against: its positions and its equity, daily P&L, drawdown and VaR. */
    public static AccountExposure exposure(AccountRiskRow row, Map<PositionKey, PositionRow> book) {
        AccountExposure x = new AccountExposure(Math.max(1, book.size()));
        x.account(row.equity, row.dailyPnl, row.drawdown, row.var99 == null ? Double.NaN : row.var99);
        for (Map.Entry<PositionKey, PositionRow> e : book.entrySet()) {
            PositionRow p = e.getValue();
            x.add(e.getKey().instrumentId(), p.sector, p.quantity, p.marketValue);
        }
        return x;
    }

    /** The account's limits as they apply at {@code now}, in the order of {@code limits}. */
    public static LimitSet limitSet(String accountId, Map<String, LimitRow> limits, long now) {
        List<AccountLimit> effective = new ArrayList<>(limits.size());
        for (Map.Entry<String, LimitRow> e : limits.entrySet()) {
            effective.add(effectiveLimit(accountId, e.getKey(), e.getValue(), now));
        }
        return LimitSet.of(effective);
    }

    /** The limit as it applies at {@code now}: an unexpired override replaces its max value. */
    public static AccountLimit effectiveLimit(String accountId, String limitId, LimitRow r, long now) {
        double max = r.overrideValue != null && r.overrideUntil != null && now < r.overrideUntil ? r.overrideValue : r.maxValue;
        double warnAt = r.warnAt == null ? AccountLimit.DEFAULT_WARN_AT : r.warnAt;
        return new AccountLimit(accountId, limitId, LimitScope.valueOf(r.scope), r.target, LimitMetric.valueOf(r.metric),
                max, warnAt);
    }

    private static Long nextExpiry(AccountUpdate u) {
        Long next = u.risk.stateOverride != null ? u.risk.stateOverrideUntil : null;
        for (LimitRow r : u.limits.values()) {
            if (r.overrideUntil != null && (next == null || r.overrideUntil < next)) {
                next = r.overrideUntil;
            }
        }
        return next;
    }

    private static int indexOf(String[] ids, String id) {
        if (ids == null) {
            return -1;
        }
        for (int i = 0; i < ids.length; i++) {
            if (id.equals(ids[i])) {
                return i;
            }
        }
        return -1;
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
        row.sector = ref.sector;
        row.markTs = FILL_PRICE_MARK;
        return row;
    }

    private static FillRow fillRow(Fill f, long now) {
        FillRow r = FillStreamer.row(f);
        r.receivedAt = now;
        return r;
    }
}
