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
    public double scoreLimits;
    public double scoreVar;
    /** Highest utilization (current / effective max) of the account's limits; 0 with none. */
    public double maxLimitUtilization;
    /** The limit behind {@code maxLimitUtilization}, null with none. */
    public String worstLimitId;
    /** Limits of the account in breach (at or above their warn level, with hysteresis). */
    public int openBreaches;
    /** The highest drawdown tier reached since the account was last resumed (NONE, REDUCE_SIZE, REDUCING, HALTED). */
    public String drawdownTier;
    /** Highest utilization a risk-increasing order may leave: 1, or the sizing factor in the REDUCE_SIZE tier. */
    public double sizingFactor;
    /** True while the account is halted by hand (kill switch). */
    public boolean killSwitch;
    /** The trading state an override imposes, until {@code stateOverrideUntil}; null without one. */
    public String stateOverride;
    public Long stateOverrideUntil;
    public String stateOverrideId;
    /** The earliest end of any override of this account (state or limit), null with none. */
    public Long nextExpiryAt;
    /** Incremented by every write, so that alert updates derived from an older row never replace newer ones. */
    public long version;
    /** Numbers the account's alerts. */
    public long alertSeq;
    /** The effective trading state: kill switch, then an unexpired override, then the drawdown tier. */
    public String tradingState;
    public int positionCount;
    public long updatedAt;
    public String[] instrumentIds;
    /** The account's limit ids, sorted; the arrays below are parallel to it (none of them is a SQL column). */
    public String[] limitIds;
    /** Effective max value of each limit (a raised value while an override lasts). */
    public double[] limitValues;
    public double[] currentValues;
    public double[] utilizations;
    /** Id of the open alert of each limit in breach, null for a limit not in breach. */
    public String[] breachAlertIds;
    /** Severity of each open breach, null for a limit not in breach. */
    public String[] breachSeverities;
}
