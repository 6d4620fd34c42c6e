package io.riskgrid.ml.grid;

import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.FillKey;
import io.riskgrid.grid.schema.FillRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.InstrumentRow;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import io.riskgrid.ml.feature.AccountState;
import io.riskgrid.ml.feature.FillEvent;
import io.riskgrid.ml.feature.PositionState;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.lang.IgniteBiPredicate;

import javax.cache.Cache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What anomaly scoring reads about one account, from the node that holds it: the account's fills
 * since a given time (a local scan of the one partition that holds every row of the account), its
 * positions with their marks, and its equity and drawdown from ACCOUNT_RISK. Nothing here crosses
 * the network when the node is the account's primary.
 * <p>
 * Stateless and thread-safe.
 */
final class AccountData {

    private AccountData() {
    }

    /** The account's fills with {@code from <= ts <= to}, oldest first, read from the local partition. */
    static List<FillEvent> fills(Ignite ignite, String accountId, long from, long to) {
        IgniteCache<String, InstrumentRow> instruments = ignite.cache(GridTables.INSTRUMENTS);
        List<FillEvent> out = new ArrayList<>();
        Map<String, Double> contractSizes = new HashMap<>();
        try (QueryCursor<Cache.Entry<FillKey, FillRow>> cursor = scan(ignite, accountId, from, to)) {
            for (Cache.Entry<FillKey, FillRow> e : cursor) {
                FillRow f = e.getValue();
                double contractSize = contractSizes.computeIfAbsent(f.instrumentId, id -> {
                    InstrumentRow i = instruments.localPeek(id, CachePeekMode.PRIMARY, CachePeekMode.BACKUP);
                    if (i == null) {
                        i = instruments.get(id);
                    }
                    return i == null ? 1.0 : i.contractSize;
                });
                double signed = "SELL".equals(f.side) ? -f.quantity : f.quantity;
                out.add(new FillEvent(f.ts, f.instrumentId, signed, f.price, contractSize));
            }
        }
        out.sort((a, b) -> Long.compare(a.ts(), b.ts()));
        return out;
    }

    /** Whether the local partition holds a fill of the account older than {@code before}. */
    static boolean hasFillBefore(Ignite ignite, String accountId, long before) {
        try (QueryCursor<Cache.Entry<FillKey, FillRow>> cursor = scan(ignite, accountId, Long.MIN_VALUE, before - 1)) {
            return cursor.iterator().hasNext();
        }
    }

    /** The account's fills with {@code from <= ts <= to}, scanned in the one local partition that holds them. */
    private static QueryCursor<Cache.Entry<FillKey, FillRow>> scan(Ignite ignite, String accountId, long from, long to) {
        ScanQuery<FillKey, FillRow> q = new ScanQuery<>(new OfAccount(accountId, from, to));
        q.setPartition(ignite.affinity(GridTables.FILLS).partition(new FillKey(accountId, "-")));
        q.setLocal(true);
        return ignite.<FillKey, FillRow>cache(GridTables.FILLS).query(q);
    }

    /** The account's equity, drawdown and positions; null when the account has no risk row. */
    static AccountState state(Ignite ignite, String accountId) {
        IgniteCache<String, AccountRiskRow> risk = ignite.cache(GridTables.ACCOUNT_RISK);
        AccountRiskRow row = risk.localPeek(accountId, CachePeekMode.PRIMARY);
        if (row == null) {
            row = risk.get(accountId);
        }
        if (row == null) {
            return null;
        }
        List<PositionState> positions = new ArrayList<>();
        if (row.instrumentIds != null && row.instrumentIds.length > 0) {
            TreeSet<PositionKey> keys = new TreeSet<>();
            for (String id : row.instrumentIds) {
                keys.add(new PositionKey(accountId, id));
            }
            IgniteCache<PositionKey, PositionRow> cache = ignite.cache(GridTables.POSITIONS);
            for (Map.Entry<PositionKey, PositionRow> e : cache.getAll(keys).entrySet()) {
                PositionRow p = e.getValue();
                positions.add(new PositionState(e.getKey().instrumentId(), p.quantity, p.markPrice, p.contractSize));
            }
        }
        positions.sort((a, b) -> a.instrumentId().compareTo(b.instrumentId()));
        return new AccountState(accountId, row.equity, row.drawdown, positions);
    }

    /** The account's fills in a time range. */
    private static final class OfAccount implements IgniteBiPredicate<FillKey, FillRow> {
        private static final long serialVersionUID = 1L;
        private final String accountId;
        private final long from;
        private final long to;

        OfAccount(String accountId, long from, long to) {
            this.accountId = accountId;
            this.from = from;
            this.to = to;
        }

        @Override
        public boolean apply(FillKey k, FillRow v) {
            return accountId.equals(k.accountId()) && v.ts >= from && v.ts <= to;
        }
    }
}
