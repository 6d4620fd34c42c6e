package io.riskgrid.core.stress;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named stress scenarios every desk recognises, as instantaneous shocks by asset class and
 * sector (the most specific shock applies to an instrument). The moves are round figures of the
 * peak-to-trough falls of the episodes they are named after, not replays: a replay of the grid's
 * own history is a separate request.
 * <ul>
 *   <li>{@code EQUITY_CRASH}: equities and equity futures -20%, tech -35% (the textbook example).</li>
 *   <li>{@code GFC_2008}: equities and futures -45%, financials -70%, energy -55%.</li>
 *   <li>{@code COVID_2020}: equities and futures -34%, energy -55%, financials -40%, healthcare -20%.</li>
 *   <li>{@code DOTCOM_2000}: tech -75%, equities and futures -30%.</li>
 *   <li>{@code SHORT_SQUEEZE}: equities +25%, futures +10% (hurts short books).</li>
 * </ul>
 * This class is stateless and thread-safe.
 */
public final class StressScenarios {

    private static final Map<String, StressScenario> BUILT_IN = new TreeMap<>();

    static {
        add("EQUITY_CRASH", asset("EQUITY", -0.20), asset("FUTURE", -0.20), sector("TECH", -0.35));
        add("GFC_2008", asset("EQUITY", -0.45), asset("FUTURE", -0.45), sector("FINANCIALS", -0.70),
                sector("ENERGY", -0.55));
        add("COVID_2020", asset("EQUITY", -0.34), asset("FUTURE", -0.34), sector("ENERGY", -0.55),
                sector("FINANCIALS", -0.40), sector("HEALTHCARE", -0.20));
        add("DOTCOM_2000", asset("EQUITY", -0.30), asset("FUTURE", -0.30), sector("TECH", -0.75));
        add("SHORT_SQUEEZE", asset("EQUITY", 0.25), asset("FUTURE", 0.10));
    }

    private StressScenarios() {
    }

    private static void add(String name, Shock... shocks) {
        BUILT_IN.put(name, new StressScenario(name, List.of(shocks)));
    }

    private static Shock asset(String key, double change) {
        return new Shock(ShockTarget.ASSET_CLASS, key, change);
    }

    private static Shock sector(String key, double change) {
        return new Shock(ShockTarget.SECTOR, key, change);
    }

    /** The names of the built-in scenarios, sorted. */
    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /**
     * The built-in scenario of that name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the scenarios there are, for an unknown name
     */
    public static StressScenario named(String name) {
        StressScenario s = name == null ? null : BUILT_IN.get(name.trim().toUpperCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("scenario must be one of " + String.join(", ", BUILT_IN.keySet())
                    + ", was '" + name + "'");
        }
        return s;
    }
}
