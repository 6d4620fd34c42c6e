package io.riskgrid.grid.schema;

/**
 * A row of ACCOUNT_RISK, keyed by account id: the live risk of one account, recomputed on the account's primary node whenever a fill or a price changes one of its positions. {@code instrumentIds} (not a SQL column) lists every instrument the account has a position in, so the account's book can be read by key.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class AccountRiskRow {

    public double initialEquity;
    public double equity;
    public double realizedPnl;
    public double unrealizedPnl;
    public double pnlTotal;
    public double dailyPnl;
    public double grossExposure;
    public double netExposure;
    public double leverage;
    public double marginUsed;
    public double marginAvailable;
    public double maxConcentration;
    public String maxConcentrationInstrument;
    public double peakEquity;
    public double drawdown;
    public double sodEquity;
    public Double var95;
    public Double var99;
    public double riskScore;
    public double scoreLeverage;
    public double scoreDrawdown;
    public double scoreConcentration;
    public double scoreMargin;
    public String tradingState;
    public int positionCount;
    public long updatedAt;
    public String[] instrumentIds;
}
