package io.riskgrid.core.limit;

import io.riskgrid.core.account.AccountRiskCalculator;

/**
 * What limits are measured against: one account's positions (instrument, sector, signed quantity,
 * signed market value) and its equity, daily P&L, drawdown and VaR. It is a reusable, mutable
 * buffer so that limit checks on a hot path allocate nothing: {@link #clear()} it and
 * {@link #add} positions again.
 * <p>
 * Not thread-safe: one instance per thread or per account update.
 */
public final class AccountExposure {

    int size;
    String[] instrumentIds;
    String[] sectors;
    // The keys' hashes, so that a scoped limit can pass over positions of other instruments or
    // sectors without reading their strings (LimitEvaluator.utilizations). 0 for a null sector.
    int[] instrumentHashes;
    int[] sectorHashes;
    double[] quantities;
    double[] marketValues;
    double equity;
    double dailyPnl;
    double drawdown;
    double var99 = Double.NaN;

    public AccountExposure() {
        this(16);
    }

    public AccountExposure(int capacity) {
        int c = Math.max(1, capacity);
        instrumentIds = new String[c];
        sectors = new String[c];
        instrumentHashes = new int[c];
        sectorHashes = new int[c];
        quantities = new double[c];
        marketValues = new double[c];
    }

    /** Forgets every position and figure. */
    public AccountExposure clear() {
        for (int i = 0; i < size; i++) {
            instrumentIds[i] = null;
            sectors[i] = null;
        }
        size = 0;
        equity = 0;
        dailyPnl = 0;
        drawdown = 0;
        var99 = Double.NaN;
        return this;
    }

    /**
     * Sets the account-level figures.
     *
     * @param var99 the one-day 99% VaR, or NaN while it is not known
     */
    public AccountExposure account(double equity, double dailyPnl, double drawdown, double var99) {
        this.equity = equity;
        this.dailyPnl = dailyPnl;
        this.drawdown = drawdown;
        this.var99 = var99;
        return this;
    }

    /** Adds a position; {@code sector} may be null for an instrument with no sector. */
    public AccountExposure add(String instrumentId, String sector, double quantity, double marketValue) {
        if (size == instrumentIds.length) {
            grow();
        }
        instrumentIds[size] = instrumentId;
        sectors[size] = sector;
        instrumentHashes[size] = instrumentId.hashCode();
        sectorHashes[size] = sector == null ? 0 : sector.hashCode();
        quantities[size] = quantity;
        marketValues[size] = marketValue;
        size++;
        return this;
    }

    /**
     * Forgets the position added last. A pre-trade check for an instrument the account does not
     * hold yet appends a zero slot for it, measures the limits as if the order had filled there, and
     * takes the slot back with this method, so the book is left as it was without being copied.
     * Allocates nothing.
     *
     * @throws IllegalStateException if there is no position
     */
    public void removeLast() {
        if (size == 0) {
            throw new IllegalStateException("no position to remove");
        }
        size--;
        instrumentIds[size] = null;
        sectors[size] = null;
        quantities[size] = 0;
        marketValues[size] = 0;
    }

    /** The slot of an instrument, or -1 if the account has no position in it. */
    public int indexOf(String instrumentId) {
        for (int i = 0; i < size; i++) {
            if (instrumentIds[i].equals(instrumentId)) {
                return i;
            }
        }
        return -1;
    }

    public int size() {
        return size;
    }

    public String instrumentId(int slot) {
        return instrumentIds[slot];
    }

    public String sector(int slot) {
        return sectors[slot];
    }

    public double quantity(int slot) {
        return quantities[slot];
    }

    public double marketValue(int slot) {
        return marketValues[slot];
    }

    public double equity() {
        return equity;
    }

    public double dailyPnl() {
        return dailyPnl;
    }

    public double drawdown() {
        return drawdown;
    }

    public double var99() {
        return var99;
    }

    /** Sum of |market value|. */
    public double grossExposure() {
        double g = 0;
        for (int i = 0; i < size; i++) {
            g += Math.abs(marketValues[i]);
        }
        return g;
    }

    /** Leverage of a gross exposure at this account's equity, capped as {@link AccountRiskCalculator} caps it. */
    double leverage(double gross) {
        if (gross == 0) {
            return 0;
        }
        return equity > 0 ? Math.min(gross / equity, AccountRiskCalculator.LEVERAGE_CAP) : AccountRiskCalculator.LEVERAGE_CAP;
    }

    private void grow() {
        int c = instrumentIds.length * 2;
        instrumentIds = java.util.Arrays.copyOf(instrumentIds, c);
        sectors = java.util.Arrays.copyOf(sectors, c);
        instrumentHashes = java.util.Arrays.copyOf(instrumentHashes, c);
        sectorHashes = java.util.Arrays.copyOf(sectorHashes, c);
        quantities = java.util.Arrays.copyOf(quantities, c);
        marketValues = java.util.Arrays.copyOf(marketValues, c);
    }
}
