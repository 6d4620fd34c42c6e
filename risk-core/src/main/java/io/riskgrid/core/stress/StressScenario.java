package io.riskgrid.core.stress;

import io.riskgrid.core.Guard;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * A named stress scenario: a set of instantaneous price moves that a risk manager applies to every
 * book at once to see what it would lose, for example "equities -20%, tech -35%" or the replay of a
 * historical crisis. Only prices move; quantities stay as they are, as if the market gapped before
 * anyone could trade.
 * <p>
 * <b>Which shock applies.</b> An instrument takes the change of the most specific shock that
 * reaches it: a shock on the instrument itself, else one on its sector, else one on its asset class,
 * else none (change 0). So in "equities -20%, tech -35%" a tech stock falls 35%, a bank 20%, and a
 * future, which is not in asset class EQUITY, does not move. Instrument ids are compared exactly,
 * as they are everywhere in RiskGrid; sectors and asset classes are compared ignoring case,
 * because they are labels a person types into a scenario ("Tech", "equity") and nothing is gained
 * by a typo in case silently leaving a sector unshocked. A scenario may not hold two shocks on the
 * same target (the same instrument id, or sectors or asset classes equal ignoring case), since
 * which one applies would be a guess.
 * <p>
 * {@link #historical} builds a scenario from a window of past returns: each instrument moves by its
 * compounded return over the window.
 * <p>
 * The shock list is copied into an indexed list, so {@link #changeFor} takes the same short time
 * whether a scenario has three shocks or a historical replay has thousands, and allocates nothing.
 * This record is immutable and thread-safe.
 *
 * @param name   what the scenario is called in reports, e.g. "equities -20%, tech -35%"
 * @param shocks the price moves; at most one per target, may be empty (a scenario in which nothing moves)
 */
public record StressScenario(String name, List<Shock> shocks) implements Serializable {

    public StressScenario {
        Guard.notBlank(name, "name");
        Guard.notNull(shocks, "shocks");
        shocks = new IndexedShocks(shocks);
    }

    /** A scenario of the given shocks. */
    public static StressScenario of(String name, Shock... shocks) {
        Guard.notNull(shocks, "shocks");
        return new StressScenario(name, List.of(shocks));
    }

    /**
     * The fractional price change this scenario gives an instrument: the change of the shock on the
     * instrument if there is one, else of the shock on its sector, else of the shock on its asset
     * class, else 0.
     *
     * @param instrumentId the instrument, compared exactly
     * @param sector       its sector, compared ignoring case; null if it has none
     * @param assetClass   its asset class, compared ignoring case; null if not known
     */
    public double changeFor(String instrumentId, String sector, String assetClass) {
        return ((IndexedShocks) shocks).changeFor(instrumentId, sector, assetClass);
    }

    /**
     * A historical replay: each instrument moves by its compounded return over a window of past
     * periods, prod(1 + r[s]) - 1 for s in [fromInclusive, toExclusive). If the returns came from
     * prices p by {@link io.riskgrid.core.correlation.ReturnHistory#simpleReturns(double[][])}, the
     * move is p[toExclusive] / p[fromInclusive] - 1: the whole window happens at once. Instruments
     * not listed do not move; add sector or asset-class shocks to a copy of {@link #shocks()} to
     * proxy them.
     *
     * @param name          e.g. "2008-10 replay"
     * @param instrumentIds the instruments, distinct, in the order of {@code returns}
     * @param returns       {@code returns[i]} = simple return series of {@code instrumentIds.get(i)}, oldest first, all the same length
     * @param fromInclusive first return of the window
     * @param toExclusive   one past the last return of the window
     * @throws IllegalArgumentException if the series are ragged or do not match the ids, the window is empty or out of range,
     *                                  or a return in the window is not finite or is -100% or worse
     */
    public static StressScenario historical(String name, List<String> instrumentIds, double[][] returns,
                                            int fromInclusive, int toExclusive) {
        Guard.notBlank(name, "name");
        Guard.notNull(instrumentIds, "instrumentIds");
        Guard.notNull(returns, "returns");
        if (returns.length != instrumentIds.size()) {
            throw new IllegalArgumentException("returns has " + returns.length + " series but instrumentIds names "
                    + instrumentIds.size() + " instruments; give one series per instrument");
        }
        if (returns.length == 0) {
            throw new IllegalArgumentException("instrumentIds must name at least one instrument");
        }
        for (int i = 0; i < returns.length; i++) {
            Guard.notNull(returns[i], "returns[" + i + "]");
            if (returns[i].length != returns[0].length) {
                throw new IllegalArgumentException("returns[" + i + "] has " + returns[i].length + " observations, returns[0] has "
                        + returns[0].length + "; every series must be the same length");
            }
        }
        int t = returns[0].length;
        if (!(fromInclusive >= 0 && fromInclusive < toExclusive && toExclusive <= t)) {
            throw new IllegalArgumentException("window [" + fromInclusive + ", " + toExclusive
                    + ") must be non-empty and within the " + t + " observations: 0 <= fromInclusive < toExclusive <= " + t);
        }
        Shock[] shocks = new Shock[returns.length];
        for (int i = 0; i < returns.length; i++) {
            String id = Guard.notBlank(instrumentIds.get(i), "instrumentIds[" + i + "]");
            double growth = 1;
            for (int s = fromInclusive; s < toExclusive; s++) {
                double r = returns[i][s];
                if (!(r > -1) || Double.isInfinite(r)) {
                    throw new IllegalArgumentException("returns[" + i + "][" + s + "] must be a finite return greater than -1, was " + r);
                }
                growth *= 1 + r;
            }
            shocks[i] = Shock.instrument(id, growth - 1);
        }
        return new StressScenario(name, List.of(shocks));
    }

    /**
     * The shocks in the order given, with lookup tables by target. Instrument ids hash exactly;
     * sectors and asset classes sit in maps ordered by {@link String#CASE_INSENSITIVE_ORDER}, which
     * compares exactly as {@link String#equalsIgnoreCase} does, so lookups neither allocate nor
     * depend on the default locale.
     */
    private static final class IndexedShocks extends AbstractList<Shock> implements RandomAccess, Serializable {

        private static final long serialVersionUID = 1L;

        private final Shock[] all;
        private final HashMap<String, Double> byInstrument = new HashMap<>();
        private final TreeMap<String, Double> bySector = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final TreeMap<String, Double> byAssetClass = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        IndexedShocks(List<Shock> shocks) {
            all = new Shock[shocks.size()];
            for (int k = 0; k < all.length; k++) {
                Shock s = Guard.notNull(shocks.get(k), "shocks[" + k + "]");
                Map<String, Double> index = switch (s.target()) {
                    case INSTRUMENT -> byInstrument;
                    case SECTOR -> bySector;
                    case ASSET_CLASS -> byAssetClass;
                };
                if (index.containsKey(s.key())) {
                    throw new IllegalArgumentException("shocks[" + k + "] is a second shock on " + s.target() + " '" + s.key()
                            + "'; a scenario may shock each target once");
                }
                index.put(s.key(), s.change());
                all[k] = s;
            }
        }

        double changeFor(String instrumentId, String sector, String assetClass) {
            Double c = instrumentId == null || byInstrument.isEmpty() ? null : byInstrument.get(instrumentId);
            if (c == null && sector != null && !bySector.isEmpty()) {
                c = bySector.get(sector);
            }
            if (c == null && assetClass != null && !byAssetClass.isEmpty()) {
                c = byAssetClass.get(assetClass);
            }
            return c == null ? 0 : c;
        }

        @Override
        public Shock get(int index) {
            return all[index];
        }

        @Override
        public int size() {
            return all.length;
        }
    }
}
