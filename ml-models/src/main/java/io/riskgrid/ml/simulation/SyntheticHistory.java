package io.riskgrid.ml.simulation;

import io.riskgrid.core.Guard;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.core.simulation.MarketSimulator;
import io.riskgrid.core.simulation.OrderFlowSimulator;
import io.riskgrid.ml.feature.AccountState;
import io.riskgrid.ml.feature.FeatureExtractor;
import io.riskgrid.ml.feature.FeatureWindows;
import io.riskgrid.ml.feature.FillEvent;
import io.riskgrid.ml.feature.PositionState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A labelled history of the demo desk's trading, for training and backtesting anomaly models:
 * normal trading with incidents injected, sampled as feature vectors.
 *
 * <h2>How it is made</h2>
 * The demo book's market and order flow run exactly as in the live demo: a {@link MarketSimulator}
 * moves prices one trading minute per 250 ms tick, the first tick opens a book of
 * {@value #OPENING_POSITIONS} positions for every account, and every later tick sends
 * {@code fillsPerTick} fills from an {@link OrderFlowSimulator} over all
 * {@value DemoBook#ACCOUNT_COUNT} demo accounts (so each account keeps the demo's pace). The
 * history follows the first {@code accounts} demo accounts (ACC-001 upwards) and keeps their fills
 * and quantities; positions are marked at the current prices. An account's equity is taken to be
 * its initial equity, and its drawdown zero: over a simulated hour normal trading moves equity by
 * a fraction of a percent, while the book a runaway algorithm leaves behind (some twenty times
 * equity in one instrument) can swing it to nothing and would then distort every later sample of
 * that account, which the history labels as normal.
 * <p>
 * {@code incidents} incidents are played through {@link IncidentPlan}, the same class the live
 * demo uses; their types cycle RUNAWAY_ALGO, FAT_FINGER, CONCENTRATION_BUILDUP. Each starts on a
 * random followed account at a random tick after the warm-up (one lookback, so that the baseline
 * window is full) and early enough to be over and seen before the end. Two incidents of one account
 * start at least one lookback plus {@value #INCIDENT_TICKS} ticks apart, so each is measured against
 * a baseline of normal trading. The incident's usual notional is
 * {@link IncidentPlan#demoUsualNotional(Account)} and its usual pace the account's share of
 * {@code fillsPerTick}.
 * <p>
 * From the end of the warm-up, every {@code sampleEveryMs} every followed account's features are
 * taken with a {@link FeatureExtractor} over {@code windows}. A sample is labelled with an incident
 * type when the account had a fill of that incident inside the sample's recent window. The
 * account's samples of the minutes after an incident, while the incident's fills are still in the
 * baseline window, are left out: they are neither the incident nor normal trading measured against
 * a normal habit (the account's baseline is the incident itself). Every other sample is normal (null).
 * <p>
 * Everything is drawn from random sources seeded from {@code seed}: the same settings give the same
 * samples, bit for bit. This class is stateless and thread-safe.
 */
public final class SyntheticHistory {

    /** Milliseconds per tick, as in the live demo. */
    public static final long TICK_MS = 250;

    /** Years per tick: one trading minute, 252 days of 390 minutes to a year (as the live demo). */
    public static final double TICK_YEARS = 1.0 / (252 * 390);

    /** Positions in each account's opening book, as in the live demo. */
    public static final int OPENING_POSITIONS = 12;

    /** The longest an incident sends fills for, in ticks. */
    public static final int INCIDENT_TICKS = Math.max(IncidentPlan.RUNAWAY_TICKS, IncidentPlan.BUILDUP_TICKS);

    /** Time of the first tick: 2026-01-01T00:00:00Z, epoch milliseconds. */
    public static final long START_MS = 1_767_225_600_000L;

    private static final int PLACEMENT_ATTEMPTS = 10_000;

    private SyntheticHistory() {
    }

    /**
     * What history to generate.
     *
     * @param seed          seed of every random source (market, order flow, incident placement and play)
     * @param accounts      how many demo accounts to follow and sample, 1 to {@value DemoBook#ACCOUNT_COUNT}
     * @param minutes       simulated time, minutes; must leave room after the warm-up for the incidents
     * @param incidents     number of incidents to inject, zero or more
     * @param sampleEveryMs time between two samples of an account, milliseconds, at least one tick
     * @param fillsPerTick  fills the whole desk sends per tick, positive (the demo's default is 50)
     * @param windows       feature windows; the warm-up is one lookback
     */
    public record Settings(long seed, int accounts, int minutes, int incidents, long sampleEveryMs, int fillsPerTick,
                           FeatureWindows windows) {

        /** Default followed accounts: 20 of the 100, which keeps generation near a second. */
        public static final int DEFAULT_ACCOUNTS = 20;
        /** Default simulated time: one hour. */
        public static final int DEFAULT_MINUTES = 60;
        /** Default incidents: 30, ten of each type. */
        public static final int DEFAULT_INCIDENTS = 30;
        /** Default sampling interval: 10 seconds. */
        public static final long DEFAULT_SAMPLE_EVERY_MS = 10_000;
        /** Default fills per tick: the live demo's 50. */
        public static final int DEFAULT_FILLS_PER_TICK = 50;

        /** Seed 1, 20 accounts, 60 minutes, 30 incidents, a sample every 10 s, 50 fills a tick, default windows. */
        public static final Settings DEFAULT = new Settings(1, DEFAULT_ACCOUNTS, DEFAULT_MINUTES, DEFAULT_INCIDENTS,
                DEFAULT_SAMPLE_EVERY_MS, DEFAULT_FILLS_PER_TICK, FeatureWindows.DEFAULT);

        public Settings {
            List<String> problems = new ArrayList<>();
            if (accounts < 1 || accounts > DemoBook.ACCOUNT_COUNT) {
                problems.add("accounts must be between 1 and " + DemoBook.ACCOUNT_COUNT + ", was " + accounts);
            }
            if (minutes < 1) {
                problems.add("minutes must be positive, was " + minutes);
            }
            if (incidents < 0) {
                problems.add("incidents must be zero or positive, was " + incidents);
            }
            if (sampleEveryMs < TICK_MS) {
                problems.add("sampleEveryMs must be at least one tick (" + TICK_MS + " ms), was " + sampleEveryMs);
            }
            if (fillsPerTick < 1) {
                problems.add("fillsPerTick must be positive, was " + fillsPerTick);
            }
            if (windows == null) {
                problems.add("windows is required");
            } else if (minutes >= 1 && incidents > 0 && latestIncidentTick(minutes, windows) < warmUpTicks(windows)) {
                problems.add("minutes must leave room for incidents after the warm-up of " + windows.lookbackMs()
                        + " ms: at least " + minimumMinutes(windows) + ", was " + minutes);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        }

        /** These settings with another seed. */
        public Settings withSeed(long newSeed) {
            return new Settings(newSeed, accounts, minutes, incidents, sampleEveryMs, fillsPerTick, windows);
        }

        /** These settings with another number of accounts. */
        public Settings withAccounts(int newAccounts) {
            return new Settings(seed, newAccounts, minutes, incidents, sampleEveryMs, fillsPerTick, windows);
        }

        /** These settings with another simulated time and number of incidents. */
        public Settings withMinutes(int newMinutes, int newIncidents) {
            return new Settings(seed, accounts, newMinutes, newIncidents, sampleEveryMs, fillsPerTick, windows);
        }

        private static long warmUpTicks(FeatureWindows w) {
            return (w.lookbackMs() + TICK_MS - 1) / TICK_MS;
        }

        /** The last tick an incident may start on: it has all its ticks and a recent window of samples after. */
        private static long latestIncidentTick(int minutes, FeatureWindows w) {
            return minutes * 60_000L / TICK_MS - INCIDENT_TICKS - (w.recentMs() + TICK_MS - 1) / TICK_MS;
        }

        private static long minimumMinutes(FeatureWindows w) {
            long ticks = warmUpTicks(w) + INCIDENT_TICKS + (w.recentMs() + TICK_MS - 1) / TICK_MS;
            return (ticks * TICK_MS + 59_999) / 60_000;
        }
    }

    /** The labelled samples of the history these settings describe, in time order, accounts in order within a time. */
    public static List<LabelledSample> generate(Settings settings) {
        Guard.notNull(settings, "settings");
        DemoBook book = DemoBook.DEFAULT;
        List<Instrument> instruments = book.instruments();
        List<Account> allAccounts = book.accounts();
        List<Account> followed = allAccounts.subList(0, settings.accounts());
        FeatureWindows windows = settings.windows();
        FeatureExtractor extractor = new FeatureExtractor(windows);
        SplittableRandom root = new SplittableRandom(settings.seed());
        MarketSimulator market = book.simulator(root.nextLong());
        OrderFlowSimulator orderFlow = new OrderFlowSimulator(allAccounts, instruments, "SYN", root.nextLong());

        int n = instruments.size();
        int m = followed.size();
        double[] contractSize = new double[n];
        Map<String, Integer> instrumentIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            contractSize[i] = instruments.get(i).contractSize();
            instrumentIndex.put(instruments.get(i).instrumentId(), i);
        }
        Map<String, Integer> accountIndex = new HashMap<>();
        for (int a = 0; a < m; a++) {
            accountIndex.put(followed.get(a).accountId(), a);
        }
        Desk desk = new Desk(m, instruments, contractSize, instrumentIndex);

        long totalTicks = settings.minutes() * 60_000L / TICK_MS;
        Incident[] schedule = schedule(settings, root);
        List<IncidentPlan> active = new ArrayList<>();
        long[] incidentFills = {0};
        Supplier<String> incidentFillIds = () -> "SYN-INC-" + (++incidentFills[0]);
        double usualFillsPerTick = settings.fillsPerTick() / (double) allAccounts.size();
        long[] lastIncidentFill = new long[m];
        IncidentType[] lastIncidentType = new IncidentType[m];
        Arrays.fill(lastIncidentFill, Long.MIN_VALUE);

        List<LabelledSample> samples = new ArrayList<>();
        long nextSampleAt = START_MS + windows.lookbackMs();
        int nextIncident = 0;
        for (long tick = 0; tick < totalTicks; tick++) {
            long now = START_MS + tick * TICK_MS;
            double[] prices = market.step(TICK_YEARS);
            if (tick == 0) {
                for (Fill fill : orderFlow.openingBook(prices, now, OPENING_POSITIONS)) {
                    Integer a = accountIndex.get(fill.accountId());
                    if (a != null) {
                        desk.apply(a, fill);
                    }
                }
                continue;
            }
            for (int k = 0; k < settings.fillsPerTick(); k++) {
                Fill fill = orderFlow.next(prices, now);
                Integer a = accountIndex.get(fill.accountId());
                if (a != null) {
                    desk.apply(a, fill);
                }
            }
            while (nextIncident < schedule.length && schedule[nextIncident].tick == tick) {
                Incident incident = schedule[nextIncident++];
                Account account = followed.get(incident.account);
                active.add(new IncidentPlan(incident.type, account, instruments, IncidentPlan.demoUsualNotional(account),
                        usualFillsPerTick, incident.seed));
            }
            for (int p = 0; p < active.size(); p++) {
                IncidentPlan plan = active.get(p);
                int a = accountIndex.get(plan.account().accountId());
                for (Fill fill : plan.next(prices, now, incidentFillIds)) {
                    desk.apply(a, fill);
                    lastIncidentFill[a] = now;
                    lastIncidentType[a] = plan.type();
                }
            }
            active.removeIf(IncidentPlan::done);
            if (now >= nextSampleAt) {
                nextSampleAt += settings.sampleEveryMs();
                for (int a = 0; a < m; a++) {
                    Account account = followed.get(a);
                    AccountState state = desk.state(a, account, prices);
                    double[] features = extractor.features(desk.fillsSince(a, now - windows.lookbackMs()), state, now);
                    IncidentType label = lastIncidentFill[a] > now - windows.recentMs() ? lastIncidentType[a] : null;
                    if (label == null && lastIncidentFill[a] > now - windows.lookbackMs()) {
                        // The aftermath: the incident's fills are still in the baseline window, so
                        // this is neither the incident nor normal trading measured against a normal habit.
                        continue;
                    }
                    samples.add(new LabelledSample(account.accountId(), now, features, label));
                }
            }
        }
        return samples;
    }

    /** The feature vectors of the normal samples, in order: the training set of an anomaly model. */
    public static double[][] normalFeatures(List<LabelledSample> samples) {
        Guard.notNull(samples, "samples");
        List<double[]> rows = new ArrayList<>();
        for (LabelledSample s : samples) {
            if (s.isNormal()) {
                rows.add(s.features());
            }
        }
        return rows.toArray(new double[0][]);
    }

    /** Where and when each incident starts, sorted by tick; each one's own seed. */
    private static Incident[] schedule(Settings settings, SplittableRandom root) {
        long earliest = Settings.warmUpTicks(settings.windows());
        long latest = Settings.latestIncidentTick(settings.minutes(), settings.windows());
        long separation = Settings.warmUpTicks(settings.windows()) + INCIDENT_TICKS;
        IncidentType[] types = IncidentType.values();
        List<Incident> placed = new ArrayList<>();
        for (int k = 0; k < settings.incidents(); k++) {
            Incident incident = null;
            for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS && incident == null; attempt++) {
                int account = root.nextInt(settings.accounts());
                long tick = earliest + root.nextLong(latest - earliest + 1);
                boolean clash = false;
                for (Incident other : placed) {
                    clash |= other.account == account && Math.abs(other.tick - tick) < separation;
                }
                if (!clash) {
                    incident = new Incident(account, tick, types[k % types.length], root.nextLong());
                }
            }
            if (incident == null) {
                throw new IllegalArgumentException("cannot place " + settings.incidents() + " incidents at least "
                        + separation * TICK_MS + " ms apart per account in " + settings.accounts() + " accounts over "
                        + settings.minutes() + " minutes: follow more accounts, simulate longer or inject fewer");
            }
            placed.add(incident);
        }
        placed.sort((x, y) -> Long.compare(x.tick, y.tick));
        return placed.toArray(new Incident[0]);
    }

    private record Incident(int account, long tick, IncidentType type, long seed) {
    }

    /** The followed accounts' fills and quantities, as the grid would hold them. */
    private static final class Desk {
        private final double[][] quantities;
        private final List<List<FillEvent>> fills = new ArrayList<>();
        private final int[] firstInLookback;
        private final String[] instrumentIds;
        private final double[] contractSize;
        private final Map<String, Integer> instrumentIndex;

        Desk(int accounts, List<Instrument> instruments, double[] contractSize, Map<String, Integer> instrumentIndex) {
            this.quantities = new double[accounts][instruments.size()];
            this.instrumentIds = new String[instruments.size()];
            for (int i = 0; i < instrumentIds.length; i++) {
                instrumentIds[i] = instruments.get(i).instrumentId();
            }
            this.firstInLookback = new int[accounts];
            this.contractSize = contractSize;
            this.instrumentIndex = instrumentIndex;
            for (int a = 0; a < accounts; a++) {
                fills.add(new ArrayList<>());
            }
        }

        void apply(int a, Fill fill) {
            int i = instrumentIndex.get(fill.instrumentId());
            quantities[a][i] += fill.signedQuantity();
            fills.get(a).add(FillEvent.of(fill, contractSize[i]));
        }

        /** The account's fills later than {@code after}, oldest first; older fills are never looked at again. */
        List<FillEvent> fillsSince(int a, long after) {
            List<FillEvent> list = fills.get(a);
            int first = firstInLookback[a];
            while (first < list.size() && list.get(first).ts() <= after) {
                first++;
            }
            firstInLookback[a] = first;
            return list.subList(first, list.size());
        }

        AccountState state(int a, Account account, double[] prices) {
            List<PositionState> positions = new ArrayList<>();
            for (int i = 0; i < prices.length; i++) {
                double q = quantities[a][i];
                if (q != 0) {
                    positions.add(new PositionState(instrumentIds[i], q, prices[i], contractSize[i]));
                }
            }
            return new AccountState(account.accountId(), account.initialEquity(), 0, positions);
        }
    }
}
