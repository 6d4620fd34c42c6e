package io.riskgrid.ml.feature;

import io.riskgrid.core.Guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one account's recent fills and current book into the six numbers anomaly scoring judges it
 * by. Each compares what the account is doing <em>now</em> (the recent window, default the last
 * minute) with its own habit (the baseline window just before it, default the 15 minutes before
 * that), or describes the last minute's trading on a scale that does not depend on the account's
 * size. Windows are described in {@link FeatureWindows}; fills outside them are ignored.
 *
 * <h2>The features, in {@link #NAMES} order</h2>
 * Notation: {@code R} is the set of recent fills, {@code B} the baseline fills, {@code |R|} and
 * {@code |B|} their counts, {@code T_R} and {@code T_B} the window lengths in milliseconds. A fill's
 * notional is {@code |quantity| * price * contractSize}, always positive; its signed notional carries
 * the sign of its side (buy +, sell -). {@code log} is the natural logarithm.
 * <ol>
 *   <li><b>fillRate</b> = {@code log((|R| + 1) / (|B| * T_R / T_B + 1))}: how much faster than its own
 *       habit the account is trading. {@code |B| * T_R / T_B} is the number of fills the account would
 *       have made in the recent window at its baseline pace. 0 is usual; +log 10 (2.3) is ten times
 *       the usual pace; negative is quieter than usual. The +1s keep it finite and damp noise when
 *       there are few fills.</li>
 *   <li><b>orderSize</b>: how much larger the largest recent fill is than the account's usual fill,
 *       as a robust z-score on the log scale.
 *       The usual fill notional {@code u} is the median of the reference fills' notionals (on the
 *       log scale: for an even count, the geometric mean of the two middle values). The reference
 *       fills are the baseline fills, or the recent fills when there are fewer than
 *       {@value #MIN_BASELINE_FILLS} baseline fills. A fill's size relative to usual is
 *       {@code r = notional / max(u, unitValue)}, where {@code unitValue = price * contractSize} is
 *       the value of a single contract: an order for one contract is the smallest the instrument
 *       allows, so it never counts as larger than usual (one index-future contract can be a third of
 *       a small account's equity, and without this rule every such 1-lot would look like a fat
 *       finger). Then, with {@code c = median(log r)} and {@code MAD = median(|log r - c|)} over the
 *       reference fills,
 *       {@code orderSize = (max over R of log r - c) / (1.4826 * MAD + 0.25)}.
 *       1.4826 * MAD estimates a standard deviation, and the floor 0.25 keeps an account whose
 *       fills are all the same size from dividing by zero. 0 when there are no recent fills. In
 *       normal trading it is about 0 to 1; an order 40 times the usual size scores about 5.</li>
 *   <li><b>turnover</b> = {@code log(1 + N_R / max(equity, 1) * 60,000 / T_R)}, with {@code N_R}
 *       the recent notional traded: log of one plus the notional traded per minute as a multiple of
 *       equity, so it reads the same for a small and a large account and for any recent window. A
 *       desk that trades twice its equity a minute scores log 3 (1.1). Equity below 1 (one unit of
 *       base currency, a wiped-out account) counts as 1, which keeps the value finite.</li>
 *   <li><b>concentrationChange</b> = {@code share(now) - share(start of the recent window)}, where
 *       {@code share} is the largest single-instrument share of gross exposure,
 *       {@code max_i |v_i| / sum_i |v_i|} (0 for a flat book), with {@code v_i} the position's market
 *       value. The book at the start of the window is today's quantities minus the recent fills'
 *       signed quantities, valued at current prices (so that price moves do not count as a change).
 *       An instrument traded in the window but absent from the positions is taken as flat now and
 *       valued at its latest recent fill price. Between -1 and 1; near 0 in normal trading; +0.2
 *       means one instrument's share of the book rose by 20 percentage points in the window.</li>
 *   <li><b>directionality</b> = {@code |sum over R of signed notional| / sum over R of notional}:
 *       0 when recent buys and sells balance, 1 when every recent fill went the same way.
 *       0 with no recent fills.</li>
 *   <li><b>instrumentFocus</b> = the number of recent fills in the single most-traded instrument
 *       divided by the number of recent fills: near 1 when the account traded almost only one
 *       instrument. 0 with no recent fills. It counts fills rather than notional because one
 *       index-future contract can outweigh a minute of a small account's equity trades, which would
 *       make a notional share jump about in normal trading.</li>
 * </ol>
 * Every feature is finite for every valid input, including no fills, no positions and zero or
 * negative equity. The account's drawdown is not a feature: it moves over hours, not within the
 * minute an incident takes, and limits already watch it.
 *
 * <h2>Determinism</h2>
 * The features are a pure function of the fills, the account state and {@code now}: no clock, no
 * random source. The grid computes them on live data and backtests on synthetic history with the
 * same code, so a model trained on one applies to the other.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class FeatureExtractor {

    /** Feature names, in the order of the arrays {@link #features} returns. */
    public static final List<String> NAMES = List.of(
            "fillRate", "orderSize", "turnover", "concentrationChange", "directionality", "instrumentFocus");

    /** Index of {@code fillRate} in a feature array. */
    public static final int FILL_RATE = 0;
    /** Index of {@code orderSize} in a feature array. */
    public static final int ORDER_SIZE = 1;
    /** Index of {@code turnover} in a feature array. */
    public static final int TURNOVER = 2;
    /** Index of {@code concentrationChange} in a feature array. */
    public static final int CONCENTRATION_CHANGE = 3;
    /** Index of {@code directionality} in a feature array. */
    public static final int DIRECTIONALITY = 4;
    /** Index of {@code instrumentFocus} in a feature array. */
    public static final int INSTRUMENT_FOCUS = 5;

    /** Fewer baseline fills than this and {@code orderSize} measures recent fills against themselves. */
    public static final int MIN_BASELINE_FILLS = 5;

    /** Turns a median absolute deviation into a standard deviation for normally distributed data. */
    public static final double MAD_TO_SIGMA = 1.4826;

    /** Floor added to the robust scale of {@code orderSize}, in log units. */
    public static final double ORDER_SIZE_SCALE_FLOOR = 0.25;

    /** Smallest equity {@code turnover} divides by, in base currency. */
    public static final double MIN_EQUITY = 1;

    private static final double MINUTE_MS = 60_000;

    /** The extractor with the default windows: recent 60 s, baseline the 15 minutes before. */
    public static final FeatureExtractor DEFAULT = new FeatureExtractor(FeatureWindows.DEFAULT);

    private final FeatureWindows windows;

    public FeatureExtractor(FeatureWindows windows) {
        this.windows = Guard.notNull(windows, "windows");
    }

    /** The windows the features are computed over. */
    public FeatureWindows windows() {
        return windows;
    }

    /** Number of features: the length of {@link #NAMES}. */
    public int dimension() {
        return NAMES.size();
    }

    /**
     * The features of one account at time {@code now}, in {@link #NAMES} order.
     *
     * @param fills the account's fills in any order; those outside the lookback
     *              ({@code now - lookbackMs < ts <= now}) are ignored
     * @param state the account's equity and current positions
     * @param now   the scoring time, epoch milliseconds
     */
    public double[] features(List<FillEvent> fills, AccountState state, long now) {
        Guard.notNull(fills, "fills");
        Guard.notNull(state, "state");
        long recentStart = now - windows.recentMs();
        long baselineStart = recentStart - windows.baselineMs();

        int recentCount = 0;
        int baselineCount = 0;
        for (int k = 0, n = fills.size(); k < n; k++) {
            long ts = fills.get(k).ts();
            if (ts > now || ts <= baselineStart) {
                continue;
            }
            if (ts > recentStart) {
                recentCount++;
            } else {
                baselineCount++;
            }
        }

        // Log notional and log unit value of every fill in the lookback, recent and baseline apart.
        double[] recentLogNotional = new double[recentCount];
        double[] recentLogUnit = new double[recentCount];
        double[] baselineLogNotional = new double[baselineCount];
        double[] baselineLogUnit = new double[baselineCount];
        Map<String, Activity> activity = new LinkedHashMap<>();
        double recentNotional = 0;
        double recentSignedNotional = 0;
        int r = 0;
        int b = 0;
        for (int k = 0, n = fills.size(); k < n; k++) {
            FillEvent fill = fills.get(k);
            long ts = fill.ts();
            if (ts > now || ts <= baselineStart) {
                continue;
            }
            double notional = fill.notional();
            if (ts > recentStart) {
                recentLogNotional[r] = Math.log(notional);
                recentLogUnit[r] = Math.log(fill.unitValue());
                r++;
                recentNotional += notional;
                recentSignedNotional += Math.signum(fill.signedQuantity()) * notional;
                activity.computeIfAbsent(fill.instrumentId(), id -> new Activity()).add(fill);
            } else {
                baselineLogNotional[b] = Math.log(notional);
                baselineLogUnit[b] = Math.log(fill.unitValue());
                b++;
            }
        }

        double[] features = new double[NAMES.size()];
        features[FILL_RATE] = Math.log((recentCount + 1.0)
                / (baselineCount * (double) windows.recentMs() / windows.baselineMs() + 1.0));
        features[ORDER_SIZE] = recentCount == 0 ? 0
                : baselineCount >= MIN_BASELINE_FILLS
                ? orderSize(recentLogNotional, recentLogUnit, baselineLogNotional, baselineLogUnit)
                : orderSize(recentLogNotional, recentLogUnit, recentLogNotional, recentLogUnit);
        features[TURNOVER] = Math.log1p(recentNotional / Math.max(state.equity(), MIN_EQUITY)
                * (MINUTE_MS / windows.recentMs()));
        features[CONCENTRATION_CHANGE] = concentrationChange(state.positions(), activity);
        if (recentCount > 0) {
            features[DIRECTIONALITY] = Math.min(1, Math.abs(recentSignedNotional) / recentNotional);
            int most = 0;
            for (Activity a : activity.values()) {
                most = Math.max(most, a.count);
            }
            features[INSTRUMENT_FOCUS] = most / (double) recentCount;
        }
        return features;
    }

    /** The robust z of the largest recent relative size; see the class comment. */
    private static double orderSize(double[] recentLogNotional, double[] recentLogUnit,
                                    double[] referenceLogNotional, double[] referenceLogUnit) {
        double logUsual = median(referenceLogNotional.clone());
        int n = referenceLogNotional.length;
        double[] logRelative = new double[n];
        for (int k = 0; k < n; k++) {
            logRelative[k] = referenceLogNotional[k] - Math.max(logUsual, referenceLogUnit[k]);
        }
        double centre = median(logRelative);
        for (int k = 0; k < n; k++) {
            logRelative[k] = Math.abs(logRelative[k] - centre);
        }
        double mad = median(logRelative);
        double largest = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < recentLogNotional.length; k++) {
            largest = Math.max(largest, recentLogNotional[k] - Math.max(logUsual, recentLogUnit[k]));
        }
        return (largest - centre) / (MAD_TO_SIGMA * mad + ORDER_SIZE_SCALE_FLOOR);
    }

    /** Median of a non-empty array; reorders it. Linear time on average (quickselect), as sorting was the hot spot. */
    private static double median(double[] values) {
        int n = values.length;
        int k = n / 2;
        select(values, k);
        if (n % 2 == 1) {
            return values[k];
        }
        // After selecting k, the k smallest values lie left of it: the lower middle is their maximum.
        double lower = values[0];
        for (int j = 1; j < k; j++) {
            lower = Math.max(lower, values[j]);
        }
        return 0.5 * (lower + values[k]);
    }

    /** Puts the k-th smallest value at index k, smaller or equal ones before it, larger or equal after. */
    private static void select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // Median of three as the pivot keeps sorted and reversed inputs linear.
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static double concentrationChange(List<PositionState> positions, Map<String, Activity> activity) {
        // Current quantity, price and contract size per instrument; duplicates of one instrument add up.
        Map<String, double[]> book = new LinkedHashMap<>();
        for (PositionState p : positions) {
            double[] q = book.computeIfAbsent(p.instrumentId(), id -> new double[3]);
            q[0] += p.quantity();
            q[1] = p.price();
            q[2] = p.contractSize();
        }
        double grossNow = 0;
        double largestNow = 0;
        double grossStart = 0;
        double largestStart = 0;
        for (Map.Entry<String, double[]> e : book.entrySet()) {
            double[] q = e.getValue();
            Activity a = activity.get(e.getKey());
            double before = a == null ? q[0] : q[0] - a.signedQuantity;
            double valueNow = Math.abs(q[0] * q[1] * q[2]);
            double valueStart = Math.abs(before * q[1] * q[2]);
            grossNow += valueNow;
            largestNow = Math.max(largestNow, valueNow);
            grossStart += valueStart;
            largestStart = Math.max(largestStart, valueStart);
        }
        for (Map.Entry<String, Activity> e : activity.entrySet()) {
            if (book.containsKey(e.getKey())) {
                continue;
            }
            // Traded in the window and flat now: the window's fills are the whole of what was held before.
            Activity a = e.getValue();
            double valueStart = Math.abs(a.signedQuantity * a.lastPrice * a.contractSize);
            grossStart += valueStart;
            largestStart = Math.max(largestStart, valueStart);
        }
        double shareNow = grossNow > 0 ? largestNow / grossNow : 0;
        double shareStart = grossStart > 0 ? largestStart / grossStart : 0;
        double change = shareNow - shareStart;
        return Double.isFinite(change) ? change : 0;
    }

    /** What the account did in one instrument during the recent window. */
    private static final class Activity {
        int count;
        double signedQuantity;
        double lastPrice;
        double contractSize;
        long lastTs = Long.MIN_VALUE;

        void add(FillEvent fill) {
            count++;
            signedQuantity += fill.signedQuantity();
            if (fill.ts() >= lastTs) {
                lastTs = fill.ts();
                lastPrice = fill.price();
                contractSize = fill.contractSize();
            }
        }
    }
}
