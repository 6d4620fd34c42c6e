package io.riskgrid.core.simulation;

import io.riskgrid.core.Guard;

import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The demo's reference data: 50 instruments in seven sectors (48 US equities and 2 index futures),
 * {@value #ACCOUNT_COUNT} accounts with several strategies, opening prices, volatilities and
 * default limits. The same every time: it is derived from a fixed seed.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class DemoBook {

    /** Number of demo accounts. */
    public static final int ACCOUNT_COUNT = 100;

    private static final String[] SECTORS = {"TECH", "FINANCIALS", "ENERGY", "HEALTHCARE", "CONSUMER", "INDUSTRIALS", "INDEX"};
    private static final String[][] EQUITIES = {
            {"AAPL", "MSFT", "NVDA", "GOOGL", "META", "AMZN", "ORCL", "CRM"},
            {"JPM", "BAC", "GS", "MS", "WFC", "C", "BLK", "SCHW"},
            {"XOM", "CVX", "COP", "SLB", "EOG", "OXY", "PSX", "MPC"},
            {"JNJ", "PFE", "MRK", "UNH", "ABBV", "LLY", "TMO", "ABT"},
            {"KO", "PEP", "PG", "WMT", "COST", "MCD", "NKE", "SBUX"},
            {"CAT", "BA", "GE", "HON", "UPS", "DE", "LMT", "MMM"},
    };
    private static final double[] SECTOR_VOL = {0.32, 0.26, 0.30, 0.22, 0.18, 0.24, 0.16};
    private static final String[] STRATEGIES = {"MOMENTUM", "STAT_ARB", "MARKET_MAKING", "MACRO", "VOLATILITY"};

    private final List<Instrument> instruments = new ArrayList<>();
    private final double[] openingPrices;
    private final double[] volatilities;
    private final int[] sectorOf;
    private final List<Account> accounts = new ArrayList<>();

    /** The demo book. */
    public static final DemoBook DEFAULT = new DemoBook(20260101L);

    private DemoBook(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> px = new ArrayList<>();
        List<Double> vol = new ArrayList<>();
        List<Integer> sec = new ArrayList<>();
        for (int s = 0; s < EQUITIES.length; s++) {
            for (String symbol : EQUITIES[s]) {
                instruments.add(new Instrument(symbol, symbol, "EQUITY", SECTORS[s], "USD", 1, 0.25));
                px.add(round2(20 + random.nextDouble() * 480));
                vol.add(SECTOR_VOL[s] * (0.8 + 0.4 * random.nextDouble()));
                sec.add(s);
            }
        }
        int index = SECTORS.length - 1;
        instruments.add(new Instrument("ES", "ES", "FUTURE", SECTORS[index], "USD", 50, 0.06));
        px.add(5200.0);
        vol.add(SECTOR_VOL[index]);
        sec.add(index);
        instruments.add(new Instrument("NQ", "NQ", "FUTURE", SECTORS[index], "USD", 20, 0.07));
        px.add(18300.0);
        vol.add(SECTOR_VOL[index] * 1.3);
        sec.add(index);
        openingPrices = px.stream().mapToDouble(Double::doubleValue).toArray();
        volatilities = vol.stream().mapToDouble(Double::doubleValue).toArray();
        sectorOf = sec.stream().mapToInt(Integer::intValue).toArray();

        for (int a = 1; a <= ACCOUNT_COUNT; a++) {
            String id = String.format(Locale.ROOT, "ACC-%03d", a);
            String strategy = STRATEGIES[(a - 1) % STRATEGIES.length];
            double equity = 1_000_000.0 * (1 + random.nextInt(10));
            accounts.add(new Account(id, "Demo " + strategy.toLowerCase(Locale.ROOT).replace('_', ' ') + " " + a,
                    "USD", equity, strategy));
        }
    }

    public List<Instrument> instruments() {
        return List.copyOf(instruments);
    }

    public List<Account> accounts() {
        return List.copyOf(accounts);
    }

    /** Opening price of each instrument, in {@link #instruments()} order. */
    public double[] openingPrices() {
        return openingPrices.clone();
    }

    /** Annualized volatility of each instrument, in {@link #instruments()} order. */
    public double[] volatilities() {
        return volatilities.clone();
    }

    /** Sector index of each instrument, in {@link #instruments()} order. */
    public int[] sectorOf() {
        return sectorOf.clone();
    }

    public int sectorCount() {
        return SECTORS.length;
    }

    /** A simulator of this book's prices: market loading 0.5, sector loading 0.5. */
    public MarketSimulator simulator(long seed) {
        return new MarketSimulator(openingPrices, volatilities, sectorOf, SECTORS.length, 0.5, 0.5, seed);
    }

    /**
     * A year-like history of daily simple returns of every instrument, drawn from this book's
     * simulator (so volatilities and correlations are the book's own): {@code [instrument][day]},
     * oldest day first. The grid estimates its VaR model from it; the same seed gives the same
     * history.
     */
    public double[][] dailyReturnHistory(int days, long seed) {
        Guard.positive(days, "days");
        MarketSimulator sim = simulator(seed);
        int n = openingPrices.length;
        double[][] out = new double[n][days];
        double[] before = openingPrices.clone();
        for (int t = 0; t < days; t++) {
            double[] after = sim.step(1.0 / 252);
            for (int i = 0; i < n; i++) {
                out[i][t] = after[i] / before[i] - 1;
                before[i] = after[i];
            }
        }
        return out;
    }

    /**
     * The default limits of an account, scaled by its initial equity: gross notional 4x equity,
     * net notional 2x, leverage 4, largest single-instrument concentration 35%, daily loss 3% of
     * equity, drawdown 15%, 99% VaR 5% of equity.
     */
    public static List<AccountLimit> defaultLimits(Account account) {
        String id = account.accountId();
        double equity = account.initialEquity();
        double warn = AccountLimit.DEFAULT_WARN_AT;
        return List.of(
                new AccountLimit(id, "GROSS", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 4 * equity, warn),
                new AccountLimit(id, "NET", LimitScope.ACCOUNT, null, LimitMetric.NET_NOTIONAL, 2 * equity, warn),
                new AccountLimit(id, "LEVERAGE", LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 4, warn),
                new AccountLimit(id, "CONCENTRATION", LimitScope.ACCOUNT, null, LimitMetric.CONCENTRATION, 0.35, warn),
                new AccountLimit(id, "DAILY_LOSS", LimitScope.ACCOUNT, null, LimitMetric.DAILY_LOSS, 0.03 * equity, warn),
                new AccountLimit(id, "DRAWDOWN", LimitScope.ACCOUNT, null, LimitMetric.DRAWDOWN, 0.15, warn),
                new AccountLimit(id, "VAR99", LimitScope.ACCOUNT, null, LimitMetric.VAR_99, 0.05 * equity, warn));
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
