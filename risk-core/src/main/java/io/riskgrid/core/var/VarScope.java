package io.riskgrid.core.var;

/** Whose VaR: one account's book, or the whole firm's book as one portfolio. */
public enum VarScope {
    ACCOUNT,
    FIRM
}
