package io.riskgrid.core.position;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of fills in columnar form: the wire format between ingest clients (the API, the Java
 * SDK over the thin client) and the grid's fill-ingest task. It is a plain class of arrays rather
 * than a list of records because Ignite's binary marshaller cannot build Java records, and arrays
 * of primitives serialize compactly.
 * <p>
 * A batch built with {@link #of(List)} holds valid fills. A batch that arrives over the wire may
 * hold anything, so the grid turns it back into {@link Fill}s with {@link #toFills(List)}, which
 * reports every invalid entry.
 * <p>
 * Instances are not modified after construction and are safe to share between threads.
 */
public final class FillBatch {

    private final String[] fillIds;
    private final String[] accountIds;
    private final String[] instrumentIds;
    private final byte[] sides;
    private final double[] quantities;
    private final double[] prices;
    private final long[] timestamps;
    private final String[] strategies;
    private final String[] venues;

    private FillBatch(int n) {
        fillIds = new String[n];
        accountIds = new String[n];
        instrumentIds = new String[n];
        sides = new byte[n];
        quantities = new double[n];
        prices = new double[n];
        timestamps = new long[n];
        strategies = new String[n];
        venues = new String[n];
    }

    /** A batch of the given fills, in order. */
    public static FillBatch of(List<Fill> fills) {
        FillBatch b = new FillBatch(fills.size());
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            b.fillIds[i] = f.fillId();
            b.accountIds[i] = f.accountId();
            b.instrumentIds[i] = f.instrumentId();
            b.sides[i] = (byte) f.side().sign();
            b.quantities[i] = f.quantity();
            b.prices[i] = f.price();
            b.timestamps[i] = f.timestamp();
            b.strategies[i] = f.strategy();
            b.venues[i] = f.venue();
        }
        return b;
    }

    /** Number of fills in the batch. */
    public int size() {
        return fillIds == null ? 0 : fillIds.length;
    }

    /**
     * The fills of this batch. Each entry that does not make a valid fill adds a message to
     * {@code problems} naming its index and field, and is left out of the result.
     */
    public List<Fill> toFills(List<String> problems) {
        int n = size();
        List<Fill> fills = new ArrayList<>(n);
        if (accountIds == null || instrumentIds == null || sides == null || quantities == null || prices == null
                || timestamps == null || accountIds.length != n || instrumentIds.length != n || sides.length != n
                || quantities.length != n || prices.length != n || timestamps.length != n) {
            problems.add("fill batch is malformed: its columns differ in length");
            return fills;
        }
        for (int i = 0; i < n; i++) {
            Side side = sides[i] == 1 ? Side.BUY : sides[i] == -1 ? Side.SELL : null;
            try {
                fills.add(new Fill(fillIds[i], accountIds[i], instrumentIds[i], side, quantities[i], prices[i],
                        timestamps[i], at(strategies, i), at(venues, i)));
            } catch (IllegalArgumentException e) {
                problems.add("fills[" + i + "]." + e.getMessage());
            }
        }
        return fills;
    }

    private static String at(String[] column, int i) {
        return column == null || i >= column.length ? null : column[i];
    }
}
