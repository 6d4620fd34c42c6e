package io.riskgrid.core.limit;

/** What a limit applies to: the whole account, one instrument, or one sector of the account. */
public enum LimitScope {
    ACCOUNT,
    INSTRUMENT,
    SECTOR
}
