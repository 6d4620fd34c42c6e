package io.riskgrid.grid.schema;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

import java.util.Objects;

/**
 * Cache key of an alert (table ALERTS): the pair (accountId, alertId). Entries are placed by {@code accountId}, so that everything about
 * one account lives in one partition.
 * <p>
 * Keys order by account, then by the second part: bulk operations inside transactions take their
 * locks in that order, which is what keeps concurrent transactions from deadlocking.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class AlertKey implements Comparable<AlertKey> {

    private static final String ALERT_MARK = "-A";

    @AffinityKeyMapped
    private final String accountId;
    private final String alertId;

    public AlertKey(String accountId, String alertId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.alertId = Objects.requireNonNull(alertId, "alertId");
    }

    /** The id of an account's {@code n}-th alert: {@code <accountId>-A<n>}, which names its account. */
    public static String alertId(String accountId, long n) {
        return accountId + ALERT_MARK + n;
    }

    /**
     * The number {@code n} of an alert id of this account ({@code <accountId>-A<n>}), or -1 if the id
     * is not of that form.
     */
    public static long sequenceOf(String accountId, String alertId) {
        if (accountId == null || alertId == null || !alertId.startsWith(accountId + ALERT_MARK)) {
            return -1;
        }
        return digits(alertId, accountId.length() + ALERT_MARK.length());
    }

    /** The key of an alert id, found from the account it names, or null if the id is not of the form {@code <accountId>-A<n>}. */
    public static AlertKey ofAlertId(String alertId) {
        if (alertId == null) {
            return null;
        }
        int at = alertId.lastIndexOf(ALERT_MARK);
        if (at <= 0 || digits(alertId, at + ALERT_MARK.length()) < 0) {
            return null;
        }
        return new AlertKey(alertId.substring(0, at), alertId);
    }

    /** The non-negative number written from {@code from} to the end of {@code s}, or -1 (none, not digits, too long). */
    private static long digits(String s, int from) {
        if (from >= s.length() || s.length() - from > 18) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public String accountId() {
        return accountId;
    }

    public String alertId() {
        return alertId;
    }

    @Override
    public int compareTo(AlertKey o) {
        int c = accountId.compareTo(o.accountId);
        return c != 0 ? c : alertId.compareTo(o.alertId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertKey k && accountId.equals(k.accountId) && alertId.equals(k.alertId);
    }

    @Override
    public int hashCode() {
        return 31 * accountId.hashCode() + alertId.hashCode();
    }

    @Override
    public String toString() {
        return accountId + "/" + alertId;
    }
}
