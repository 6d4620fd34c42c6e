package io.riskgrid.ml.simulation;

import io.riskgrid.core.Guard;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The fills one incident adds to one account's normal order flow, tick by tick. The live demo's
 * simulator and {@link SyntheticHistory} both play incidents through this class, so the pattern a
 * model is trained and backtested on is the one the demo shows. A tick is one call of
 * {@link #next}; the demo ticks every 250 ms.
 * <ul>
 *   <li>{@link IncidentType#RUNAWAY_ALGO}: for {@value #RUNAWAY_TICKS} ticks (60 s), fills at
 *       {@value #RUNAWAY_RATE_MULTIPLE} times the account's usual fill rate (with the demo's 0.5
 *       fills per tick per account, 5 fills a tick, 1,200 in all), all on one side and in one
 *       instrument, each of 0.5 to 1.5 times the usual notional. The instrument is one whose single
 *       contract is worth no more than the usual notional at the first tick's prices (the one with
 *       the cheapest contract when none is): a runaway in a 1-lot of an index future would trade
 *       twenty times the usual notional per fill.</li>
 *   <li>{@link IncidentType#FAT_FINGER}: on its first tick, one fill of {@value #FAT_FINGER_MIN_MULTIPLE}
 *       to {@value #FAT_FINGER_MAX_MULTIPLE} times the usual notional, buy or sell, in a random
 *       instrument; then done.</li>
 *   <li>{@link IncidentType#CONCENTRATION_BUILDUP}: buys of one instrument, each of 1 to 2 times the
 *       usual notional, paced so that the notional bought reaches the account's initial equity
 *       evenly over {@value #BUILDUP_TICKS} ticks (60 s); done once it has. One instrument then
 *       holds about one equity's worth of the book on top of what it held before.</li>
 * </ul>
 * A fill's quantity is its notional divided by the value of one contract, rounded, and at least
 * one contract; its price is the instrument's current price. Instrument, side and sizes are drawn
 * from a {@link SplittableRandom} seeded with {@code seed}: the same arguments give the same fills.
 * <p>
 * This class is mutable (it tracks the ticks it has played) and not thread-safe; one simulator
 * thread owns it.
 */
public final class IncidentPlan {

    /** Ticks a runaway algorithm runs for: 60 seconds of 250 ms ticks. */
    public static final int RUNAWAY_TICKS = 240;

    /** A runaway algorithm's fill rate, as a multiple of the account's usual rate. */
    public static final double RUNAWAY_RATE_MULTIPLE = 10;

    /** Ticks a concentration build-up is paced over: 60 seconds of 250 ms ticks. */
    public static final int BUILDUP_TICKS = 240;

    /** Smallest fat-finger order, as a multiple of the usual notional. */
    public static final double FAT_FINGER_MIN_MULTIPLE = 30;

    /** Largest fat-finger order, as a multiple of the usual notional. */
    public static final double FAT_FINGER_MAX_MULTIPLE = 50;

    /**
     * Fills per tick of one demo account: the demo sends 50 fills a tick spread over its 100
     * accounts.
     */
    public static final double DEMO_FILLS_PER_TICK_PER_ACCOUNT = 0.5;

    /**
     * A demo account's usual fill notional as a share of its initial equity: the demo's order flow
     * trades 0.5% to 3% of equity per fill, uniformly, so 1.75% on average.
     */
    public static final double DEMO_USUAL_NOTIONAL_SHARE = 0.0175;

    /** A cap on the fills one tick of a build-up sends, for callers with a tiny usual notional. */
    private static final int MAX_BUILDUP_FILLS_PER_TICK = 100;

    private final IncidentType type;
    private final Account account;
    private final List<Instrument> instruments;
    private final double usualNotional;
    private final double usualFillsPerTick;
    private final SplittableRandom random;
    private int instrument = -1;
    private final Side side;
    private int ticks;
    private double owedFills;
    private double bought;
    private boolean done;

    /** An incident in a demo account, trading at the demo's usual pace of 0.5 fills a tick. */
    public IncidentPlan(IncidentType type, Account account, List<Instrument> instruments, double usualNotional, long seed) {
        this(type, account, instruments, usualNotional, DEMO_FILLS_PER_TICK_PER_ACCOUNT, seed);
    }

    /**
     * @param type              the incident
     * @param account           the account it happens in
     * @param instruments       the instruments, in the order of the price arrays {@link #next} takes
     * @param usualNotional     the account's usual fill notional, in its base currency
     * @param usualFillsPerTick the account's usual number of fills per tick (a runaway algorithm runs
     *                          at ten times this)
     * @param seed              seed of the incident's random choices
     */
    public IncidentPlan(IncidentType type, Account account, List<Instrument> instruments, double usualNotional,
                        double usualFillsPerTick, long seed) {
        this.type = Guard.notNull(type, "type");
        this.account = Guard.notNull(account, "account");
        this.instruments = List.copyOf(Guard.notNull(instruments, "instruments"));
        if (this.instruments.isEmpty()) {
            throw new IllegalArgumentException("instruments must not be empty");
        }
        this.usualNotional = Guard.positive(usualNotional, "usualNotional");
        this.usualFillsPerTick = Guard.positive(usualFillsPerTick, "usualFillsPerTick");
        this.random = new SplittableRandom(seed);
        this.side = type == IncidentType.CONCENTRATION_BUILDUP || random.nextBoolean() ? Side.BUY : Side.SELL;
    }

    /**
     * The instrument the incident trades, drawn on its first tick. A runaway algorithm draws among the
     * instruments whose one contract is worth no more than the usual notional at the current price
     * (the cheapest when there is none): at 0.5 to 1.5 times the usual size, a runaway in an index
     * future whose 1-lot is a third of a small account's equity would trade twenty times the usual
     * notional per fill and hundreds of times the account's equity in a minute.
     */
    private int chooseInstrument(double[] prices) {
        if (type != IncidentType.RUNAWAY_ALGO) {
            return random.nextInt(instruments.size());
        }
        List<Integer> candidates = new ArrayList<>();
        int cheapest = 0;
        for (int i = 0; i < prices.length; i++) {
            double unitValue = prices[i] * instruments.get(i).contractSize();
            if (unitValue <= usualNotional) {
                candidates.add(i);
            }
            if (unitValue < prices[cheapest] * instruments.get(cheapest).contractSize()) {
                cheapest = i;
            }
        }
        return candidates.isEmpty() ? cheapest : candidates.get(random.nextInt(candidates.size()));
    }

    /** The usual fill notional of a demo account: {@value #DEMO_USUAL_NOTIONAL_SHARE} of its initial equity. */
    public static double demoUsualNotional(Account account) {
        return Guard.notNull(account, "account").initialEquity() * DEMO_USUAL_NOTIONAL_SHARE;
    }

    public IncidentType type() {
        return type;
    }

    public Account account() {
        return account;
    }

    /** The instrument the incident trades, or null before its first tick (it is drawn then). */
    public Instrument instrument() {
        return instrument < 0 ? null : instruments.get(instrument);
    }

    /** Whether the incident has sent all its fills; {@link #next} then returns no fills. */
    public boolean done() {
        return done;
    }

    /**
     * The incident's fills for this tick (possibly none), at the current {@code prices}, stamped
     * {@code now}.
     *
     * @param prices  current price of every instrument, in the order of the instruments given at construction
     * @param now     the tick's time, epoch milliseconds
     * @param fillIds gives the id of each fill sent
     */
    public List<Fill> next(double[] prices, long now, Supplier<String> fillIds) {
        Guard.notNull(prices, "prices");
        Guard.notNull(fillIds, "fillIds");
        if (prices.length != instruments.size()) {
            throw new IllegalArgumentException("prices must have one price per instrument (" + instruments.size()
                    + "), had " + prices.length);
        }
        if (done) {
            return List.of();
        }
        for (int i = 0; i < prices.length; i++) {
            Guard.positive(prices[i], "prices[" + i + "]");
        }
        if (instrument < 0) {
            instrument = chooseInstrument(prices);
        }
        double price = prices[instrument];
        List<Fill> fills = new ArrayList<>();
        switch (type) {
            case RUNAWAY_ALGO -> {
                // Carry fractions of a fill over to the next tick, so any usual rate gives the exact average.
                owedFills += RUNAWAY_RATE_MULTIPLE * usualFillsPerTick;
                int count = (int) Math.floor(owedFills);
                owedFills -= count;
                for (int k = 0; k < count; k++) {
                    fills.add(fill(fillIds, instrument, side, usualNotional * (0.5 + random.nextDouble()), price, now));
                }
                done = ticks + 1 >= RUNAWAY_TICKS;
            }
            case FAT_FINGER -> {
                double multiple = FAT_FINGER_MIN_MULTIPLE
                        + (FAT_FINGER_MAX_MULTIPLE - FAT_FINGER_MIN_MULTIPLE) * random.nextDouble();
                fills.add(fill(fillIds, instrument, side, usualNotional * multiple, price, now));
                done = true;
            }
            case CONCENTRATION_BUILDUP -> {
                double target = account.initialEquity();
                double due = target * Math.min(1.0, (ticks + 1.0) / BUILDUP_TICKS);
                while (bought < due && fills.size() < MAX_BUILDUP_FILLS_PER_TICK) {
                    Fill fill = fill(fillIds, instrument, Side.BUY, usualNotional * (1 + random.nextDouble()), price, now);
                    bought += fill.quantity() * price * instruments.get(instrument).contractSize();
                    fills.add(fill);
                }
                done = bought >= target;
            }
        }
        ticks++;
        return fills;
    }

    private Fill fill(Supplier<String> fillIds, int i, Side fillSide, double notional, double price, long now) {
        double unitValue = price * instruments.get(i).contractSize();
        double quantity = Math.max(1, Math.round(notional / unitValue));
        return new Fill(fillIds.get(), account.accountId(), instruments.get(i).instrumentId(), fillSide, quantity,
                price, now, account.strategy(), null);
    }
}
