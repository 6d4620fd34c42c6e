package io.riskgrid.core.position;

/**
 * Average-cost position keeping. A fill on the same side as the position (or on a flat position)
 * increases it and moves the average price to the quantity-weighted mean of the old average and
 * the fill price. A fill on the opposite side reduces it and realizes
 * {@code closedQuantity * (fillPrice - avgPrice) * sign(position) * contractSize}; the average
 * price of what remains is unchanged. A reduction larger than the position closes it and opens the
 * remainder on the other side at the fill price (a flip). A position that reaches zero has
 * average price 0.
 * <p>
 * Quantities are compared with an epsilon of 1e-9 units so that a position built from
 * fractional fills closes to exactly 0.
 * <p>
 * This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class PositionMath {

    /** The shared instance. */
    public static final PositionMath DEFAULT = new PositionMath();

    private static final double EPSILON = 1e-9;

    private PositionMath() {
    }

    /**
     * The position after a fill.
     *
     * @param before         the position before the fill
     * @param signedQuantity the fill quantity, positive for a buy, negative for a sell
     * @param price          the fill price
     * @param contractSize   currency value of one unit of price per unit of quantity
     */
    public PositionState apply(PositionState before, double signedQuantity, double price, double contractSize) {
        double q = before.quantity();
        double newQuantity = q + signedQuantity;
        if (Math.abs(newQuantity) < EPSILON) {
            newQuantity = 0;
        }
        if (q == 0 || Math.signum(q) == Math.signum(signedQuantity)) {
            double avg = (Math.abs(q) * before.avgPrice() + Math.abs(signedQuantity) * price) / Math.abs(newQuantity);
            return new PositionState(newQuantity, avg, before.realizedPnl());
        }
        double closed = Math.min(Math.abs(q), Math.abs(signedQuantity));
        double realized = before.realizedPnl() + closed * (price - before.avgPrice()) * Math.signum(q) * contractSize;
        double avg;
        if (newQuantity == 0) {
            avg = 0;
        } else if (Math.signum(newQuantity) != Math.signum(q)) {
            avg = price;
        } else {
            avg = before.avgPrice();
        }
        return new PositionState(newQuantity, avg, realized);
    }

    /** The position after a fill. */
    public PositionState apply(PositionState before, Fill fill, double contractSize) {
        return apply(before, fill.signedQuantity(), fill.price(), contractSize);
    }

    /** Signed market value of {@code quantity} units at {@code markPrice}. */
    public double marketValue(double quantity, double markPrice, double contractSize) {
        return quantity * markPrice * contractSize;
    }

    /** Unrealized P&L of a position marked at {@code markPrice}. */
    public double unrealizedPnl(PositionState position, double markPrice, double contractSize) {
        return position.quantity() * (markPrice - position.avgPrice()) * contractSize;
    }
}
