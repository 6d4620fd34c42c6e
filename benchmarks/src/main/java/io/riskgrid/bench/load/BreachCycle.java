package io.riskgrid.bench.load;

import io.riskgrid.breach.alert.AlertEvent;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.price.Price;
import io.riskgrid.grid.schema.AlertKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The book the alert-latency benchmark trades, built so that every fill changes an alert. Each
 * account has {@value #EQUITY} of equity and one account-wide GROSS_NOTIONAL limit of
 * {@value #LIMIT} that warns at {@value #WARN_AT}; it trades one instrument priced {@value #PRICE}
 * and alternates BUY {@value #QUANTITY} (gross notional 950,000: utilization 0.95, a HIGH breach,
 * so the alert is RAISED) and SELL {@value #QUANTITY} (flat again: utilization 0, the alert is
 * RESOLVED). Buying and selling at the same price keeps P&amp;L, drawdown and so every other control
 * at zero.
 * <p>
 * The fills of an account are numbered from 0 (its ordinal): even ordinals buy, odd ones sell. The
 * grid names the breach an account opens for the {@code m}-th time {@code <accountId>-A<m>}
 * ({@code AccountBook}), so the RAISED event of alert {@code m} answers fill {@code 2(m-1)} and its
 * RESOLVED event fill {@code 2(m-1)+1}; {@link #ordinalOf} maps an event back to its fill.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class BreachCycle {

    public static final double EQUITY = 1_000_000;
    public static final double LIMIT = 1_000_000;
    public static final double WARN_AT = 0.8;
    public static final double PRICE = 100;
    public static final double QUANTITY = 9_500;
    public static final String INSTRUMENT_ID = "BENCH-X";
    public static final String LIMIT_ID = "GROSS";

    private static final String ACCOUNT_PREFIX = "LAT-";

    private final int accounts;
    private final String runId;
    private final String[] accountIds;

    /**
     * @param accounts how many accounts trade, at least 1
     * @param runId    a tag that makes fill ids unique across runs against the same grid
     */
    public BreachCycle(int accounts, String runId) {
        if (accounts < 1) {
            throw new IllegalArgumentException("accounts must be at least 1, was " + accounts);
        }
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("runId must not be blank");
        }
        this.accounts = accounts;
        this.runId = runId;
        this.accountIds = new String[accounts];
        for (int i = 0; i < accounts; i++) {
            accountIds[i] = String.format(Locale.ROOT, "%s%06d", ACCOUNT_PREFIX, i);
        }
    }

    public int accounts() {
        return accounts;
    }

    /** The id of account {@code index} (0-based). */
    public String accountId(int index) {
        return accountIds[index];
    }

    /** The index of an account of this book, or -1 for any other id. */
    public int accountIndex(String accountId) {
        if (accountId == null || !accountId.startsWith(ACCOUNT_PREFIX)) {
            return -1;
        }
        int i = parseNonNegative(accountId, ACCOUNT_PREFIX.length(), accountId.length());
        return i >= 0 && i < accounts && accountIds[i].equals(accountId) ? i : -1;
    }

    /** BUY for even ordinals, SELL for odd ones. */
    public static Side side(long ordinal) {
        return (ordinal & 1) == 0 ? Side.BUY : Side.SELL;
    }

    /** Fill {@code ordinal} of account {@code index}, stamped {@code epochMillis}. */
    public Fill fill(int index, long ordinal, long epochMillis) {
        return Fill.of(runId + "-" + index + "-" + ordinal, accountIds[index], INSTRUMENT_ID, side(ordinal), QUANTITY,
                PRICE, epochMillis);
    }

    /**
     * The ordinal of the fill that an alert event answers: from the alert's sequence number for
     * RAISED (the buy) and RESOLVED (the sell), -1 for any other kind or an id not of the form
     * {@code <accountId>-A<m>} with {@code m >= 1}.
     */
    public static long ordinalOf(String accountId, String alertId, AlertEvent.Kind kind) {
        if (kind != AlertEvent.Kind.RAISED && kind != AlertEvent.Kind.RESOLVED) {
            return -1;
        }
        long m = AlertKey.sequenceOf(accountId, alertId);
        if (m < 1) {
            return -1;
        }
        return 2 * (m - 1) + (kind == AlertEvent.Kind.RAISED ? 0 : 1);
    }

    /** The traded instrument: a cash equity, contract size 1. */
    public static Instrument instrument() {
        return new Instrument(INSTRUMENT_ID, INSTRUMENT_ID, "EQUITY", "TECH", "USD", 1, 0.25);
    }

    /** The instrument's price. */
    public static Price price(long epochMillis) {
        return new Price(INSTRUMENT_ID, PRICE, epochMillis);
    }

    /** Every account of the book. */
    public List<Account> accountList() {
        List<Account> out = new ArrayList<>(accounts);
        for (String id : accountIds) {
            out.add(new Account(id, "Alert latency " + id, "USD", EQUITY, "BENCH"));
        }
        return out;
    }

    /** The one limit of every account. */
    public List<AccountLimit> limits() {
        List<AccountLimit> out = new ArrayList<>(accounts);
        for (String id : accountIds) {
            out.add(new AccountLimit(id, LIMIT_ID, LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, LIMIT, WARN_AT));
        }
        return out;
    }

    private static int parseNonNegative(String s, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
