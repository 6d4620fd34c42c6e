package io.riskgrid.core.stress;

import io.riskgrid.core.Guard;

import java.io.Serializable;

/**
 * One instantaneous price move of a stress scenario: the prices of the instruments {@code target}
 * and {@code key} name change by the fraction {@code change}, so {@code -0.20} is "down 20%" and a
 * price p becomes p * (1 + change). A change must stay above -1, because a price cannot fall to zero
 * or below.
 * <p>
 * An INSTRUMENT key is an instrument id and is compared exactly; a SECTOR or ASSET_CLASS key is
 * compared ignoring case, so "tech" reaches instruments of sector TECH.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param target what the shock moves
 * @param key    the instrument id, sector or asset class moved; not blank
 * @param change fractional price change, finite and &gt; -1
 */
public record Shock(ShockTarget target, String key, double change) implements Serializable {

    public Shock {
        Guard.notNull(target, "target");
        Guard.notBlank(key, "key");
        Guard.finite(change, "change");
        if (!(change > -1)) {
            throw new IllegalArgumentException("change must be greater than -1 (a price cannot fall to zero), was " + change
                    + " for " + target + " '" + key + "'");
        }
    }

    /** A move of one instrument. */
    public static Shock instrument(String instrumentId, double change) {
        return new Shock(ShockTarget.INSTRUMENT, instrumentId, change);
    }

    /** A move of every instrument of a sector. */
    public static Shock sector(String sector, double change) {
        return new Shock(ShockTarget.SECTOR, sector, change);
    }

    /** A move of every instrument of an asset class. */
    public static Shock assetClass(String assetClass, double change) {
        return new Shock(ShockTarget.ASSET_CLASS, assetClass, change);
    }
}
