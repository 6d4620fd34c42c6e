package io.riskgrid.grid.testing;

import io.riskgrid.core.position.Fill;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a book of fills should come to, computed in the test without the product's code: net
 * quantity as the sum of signed quantities, and realized P&L by average cost (a fill that reduces a
 * position realizes (price - average) x the quantity closed, signed by the position's side; one that
 * adds to it, or opens it, moves the average; one that flips it opens the rest at its price).
 * Contract size 1: use it for equity instruments. Not thread-safe.
 */
public final class ExpectedBook {

    /** The expected state of one position. */
    public static final class Position {
        public double quantity;
        public double averagePrice;
        public double realizedPnl;
    }

    private final Map<String, Position> positions = new LinkedHashMap<>();

    /** Applies fills in the order given (the order they were sent for their account). */
    public ExpectedBook apply(Iterable<Fill> fills) {
        for (Fill f : fills) {
            apply(f);
        }
        return this;
    }

    public void apply(Fill f) {
        Position p = positions.computeIfAbsent(key(f.accountId(), f.instrumentId()), k -> new Position());
        double signed = f.side().sign() * f.quantity();
        if (p.quantity == 0 || Math.signum(p.quantity) == Math.signum(signed)) {
            double size = Math.abs(p.quantity);
            p.averagePrice = (size * p.averagePrice + f.quantity() * f.price()) / (size + f.quantity());
            p.quantity += signed;
            return;
        }
        double closed = Math.min(f.quantity(), Math.abs(p.quantity));
        p.realizedPnl += closed * (f.price() - p.averagePrice) * Math.signum(p.quantity);
        double before = p.quantity;
        p.quantity += signed;
        if (p.quantity == 0) {
            p.averagePrice = 0;
        } else if (Math.signum(p.quantity) != Math.signum(before)) {
            p.averagePrice = f.price();
        }
    }

    /** Every expected position, keyed {@code accountId|instrumentId}. */
    public Map<String, Position> positions() {
        return positions;
    }

    /** The realized P&L of every position of an account together. */
    public double realizedPnl(String accountId) {
        double sum = 0;
        for (Map.Entry<String, Position> e : positions.entrySet()) {
            if (e.getKey().startsWith(accountId + "|")) {
                sum += e.getValue().realizedPnl;
            }
        }
        return sum;
    }

    public static String key(String accountId, String instrumentId) {
        return accountId + "|" + instrumentId;
    }
}
