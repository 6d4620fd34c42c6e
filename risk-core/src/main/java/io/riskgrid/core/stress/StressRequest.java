package io.riskgrid.core.stress;

import io.riskgrid.core.Guard;

import java.util.ArrayList;
import java.util.List;

/**
 * A request to stress every account's book: either instantaneous shocks (by instrument, sector or
 * asset class) or a replay of a window of the grid's daily return history, compounded into one
 * move per instrument. The grid answers with a {@link StressReport}.
 * <p>
 * A plain class (not a record) so that Ignite's binary marshaller can carry it, also from a thin
 * client by task name. Validated at construction; immutable and thread-safe.
 */
public final class StressRequest {

    /** Accounts listed by name in a report, worst first, when the caller does not say. */
    public static final int DEFAULT_WORST = 20;

    private final String name;
    private final String[] targets;
    private final String[] keys;
    private final double[] changes;
    private final int replayFromDay;
    private final int replayToDay;
    private final int worst;

    private StressRequest(String name, String[] targets, String[] keys, double[] changes, int replayFromDay,
                          int replayToDay, int worst) {
        this.name = Guard.notBlank(name, "name");
        this.targets = targets;
        this.keys = keys;
        this.changes = changes;
        this.replayFromDay = replayFromDay;
        this.replayToDay = replayToDay;
        if (worst < 1 || worst > 1000) {
            throw new IllegalArgumentException("worst must be between 1 and 1000, was " + worst);
        }
        this.worst = worst;
    }

    /** Instantaneous shocks; the scenario is validated here. */
    public static StressRequest shocks(StressScenario scenario, int worst) {
        Guard.notNull(scenario, "scenario");
        int n = scenario.shocks().size();
        String[] t = new String[n];
        String[] k = new String[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            Shock s = scenario.shocks().get(i);
            t[i] = s.target().name();
            k[i] = s.key();
            c[i] = s.change();
        }
        return new StressRequest(scenario.name(), t, k, c, -1, -1, worst);
    }

    /**
     * A replay of days {@code [fromDay, toDay)} of the return history, day 0 being the oldest held;
     * each instrument moves by its compounded return over the window.
     */
    public static StressRequest replay(String name, int fromDay, int toDay, int worst) {
        if (fromDay < 0) {
            throw new IllegalArgumentException("fromDay must be zero or positive, was " + fromDay);
        }
        if (toDay <= fromDay) {
            throw new IllegalArgumentException("toDay must be after fromDay (" + fromDay + "), was " + toDay);
        }
        return new StressRequest(name, null, null, null, fromDay, toDay, worst);
    }

    public String name() {
        return name;
    }

    /** True for a replay of the return history, false for explicit shocks. */
    public boolean isReplay() {
        return targets == null;
    }

    public int replayFromDay() {
        return replayFromDay;
    }

    public int replayToDay() {
        return replayToDay;
    }

    /** How many of the worst accounts the report names. */
    public int worst() {
        return worst;
    }

    /** The explicit shocks as a scenario; only for a request that is not a replay. */
    public StressScenario scenario() {
        if (isReplay()) {
            throw new IllegalStateException("a replay has no explicit shocks: resolve it against the return history");
        }
        List<Shock> shocks = new ArrayList<>(targets.length);
        for (int i = 0; i < targets.length; i++) {
            shocks.add(new Shock(ShockTarget.valueOf(targets[i]), keys[i], changes[i]));
        }
        return new StressScenario(name, shocks);
    }
}
