package io.riskgrid.core.control;

/**
 * The drawdowns at which an account's trading is cut back automatically. Defaults: from 5% risk-
 * increasing orders are sized down to half ({@link #sizingFactor()} 0.5: they must keep every
 * limit's utilization at or below 0.5), from 10% the account is REDUCING, from 15% HALTED.
 * <p>
 * A tier, once reached, holds until a person resumes the account: equity recovering a little does
 * not re-open trading by itself. This record is immutable and thread-safe.
 *
 * @param reduceSizeAt drawdown fraction from which orders are sized down, in (0, 1)
 * @param reducingAt   drawdown fraction from which only risk-reducing orders pass, > reduceSizeAt
 * @param haltAt       drawdown fraction from which no order passes, > reducingAt and < 1
 * @param sizingFactor highest limit utilization a risk-increasing order may leave in the REDUCE_SIZE tier, in (0, 1]
 */
public record DrawdownTiers(double reduceSizeAt, double reducingAt, double haltAt, double sizingFactor)
        implements java.io.Serializable {

    public static final DrawdownTiers DEFAULT = new DrawdownTiers(0.05, 0.10, 0.15, 0.5);

    public DrawdownTiers {
        if (!(reduceSizeAt > 0 && reduceSizeAt < reducingAt && reducingAt < haltAt && haltAt < 1)) {
            throw new IllegalArgumentException("drawdown tiers must satisfy 0 < reduceSizeAt < reducingAt < haltAt < 1, were "
                    + reduceSizeAt + ", " + reducingAt + ", " + haltAt);
        }
        if (!(sizingFactor > 0 && sizingFactor <= 1)) {
            throw new IllegalArgumentException("sizingFactor must be in (0, 1], was " + sizingFactor);
        }
    }

    /** The tier a drawdown falls in. */
    public DrawdownTier tierOf(double drawdown) {
        if (drawdown >= haltAt) {
            return DrawdownTier.HALTED;
        }
        if (drawdown >= reducingAt) {
            return DrawdownTier.REDUCING;
        }
        if (drawdown >= reduceSizeAt) {
            return DrawdownTier.REDUCE_SIZE;
        }
        return DrawdownTier.NONE;
    }

    /** The drawdown at which a tier begins (0 for NONE). */
    public double threshold(DrawdownTier tier) {
        return switch (tier) {
            case NONE -> 0;
            case REDUCE_SIZE -> reduceSizeAt;
            case REDUCING -> reducingAt;
            case HALTED -> haltAt;
        };
    }
}
