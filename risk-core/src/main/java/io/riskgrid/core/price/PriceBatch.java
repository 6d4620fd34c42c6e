package io.riskgrid.core.price;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch of prices in columnar form: the wire format between ingest clients and the grid's
 * price-ingest task (a plain class of arrays, as Ignite's binary marshaller cannot build records).
 * {@link #toPrices(List)} turns it back into validated {@link Price}s, reporting every invalid entry.
 * <p>
 * Instances are not modified after construction and are safe to share between threads.
 */
public final class PriceBatch {

    private final String[] instrumentIds;
    private final double[] prices;
    private final long[] timestamps;

    private PriceBatch(String[] instrumentIds, double[] prices, long[] timestamps) {
        this.instrumentIds = instrumentIds;
        this.prices = prices;
        this.timestamps = timestamps;
    }

    /** A batch of the given prices, in order. */
    public static PriceBatch of(List<Price> prices) {
        int n = prices.size();
        String[] ids = new String[n];
        double[] px = new double[n];
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            Price p = prices.get(i);
            ids[i] = p.instrumentId();
            px[i] = p.price();
            ts[i] = p.timestamp();
        }
        return new PriceBatch(ids, px, ts);
    }

    public int size() {
        return instrumentIds == null ? 0 : instrumentIds.length;
    }

    /** The prices of this batch; invalid entries are reported in {@code problems} and left out. */
    public List<Price> toPrices(List<String> problems) {
        int n = size();
        List<Price> out = new ArrayList<>(n);
        if (prices == null || timestamps == null || prices.length != n || timestamps.length != n) {
            problems.add("price batch is malformed: its columns differ in length");
            return out;
        }
        for (int i = 0; i < n; i++) {
            try {
                out.add(new Price(instrumentIds[i], prices[i], timestamps[i]));
            } catch (IllegalArgumentException e) {
                problems.add("prices[" + i + "]." + e.getMessage());
            }
        }
        return out;
    }
}
