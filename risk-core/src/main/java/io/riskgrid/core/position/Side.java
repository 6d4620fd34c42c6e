package io.riskgrid.core.position;

/** The side of a fill: a buy adds to the position, a sell takes from it. */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for a buy, -1 for a sell: the sign of the quantity change. */
    public int sign() {
        return sign;
    }
}
