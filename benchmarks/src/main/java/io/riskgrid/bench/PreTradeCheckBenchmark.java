package io.riskgrid.bench;

import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.DrawdownTier;
import io.riskgrid.core.limit.AccountExposure;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.limit.LimitSet;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.pretrade.PreTradeCheck;
import io.riskgrid.core.pretrade.PreTradeResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The in-process pre-trade check ({@link PreTradeCheck#check}, DESIGN.md target 200 ns) for an
 * account of 20 positions in 5 sectors with the demo's seven account limits (as
 * {@code DemoBook.defaultLimits}) plus one INSTRUMENT and one SECTOR limit: an order that passes
 * every limit, and one that breaches five of them. Each check measures every limit before and after
 * the order (one pass over the positions for the account's totals, one per scoped limit), so this is
 * the cost of a full answer.
 * <p>
 * Inputs are fields of the state, not constants, so the JIT cannot fold the calls away; results are
 * returned, so JMH consumes them. The result holder is reused as a caller on the hot path would;
 * {@code -prof gc} shows the check allocates nothing. {@code PreTradeCheckBenchmarkTest} checks each
 * method's answer for these inputs. Run:
 * <pre>
 * mvn -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PreTradeCheck -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PreTradeCheckBenchmark {

    /** Positions in the account. */
    public static final int POSITIONS = 20;

    /** Equity of the account, which scales its limits as the demo's do. */
    public static final double EQUITY = 1_000_000;

    /** The sectors the positions are spread over: position {@code i} is in {@code SECTORS[i % 5]}. */
    public static final String[] SECTORS = {"TECH", "FINANCIALS", "ENERGY", "HEALTHCARE", "CONSUMER"};

    AccountExposure book;
    LimitSet limits;
    PreTradeResult result;
    TradingState accountState;
    TradingState firmState;
    DrawdownTier tier;
    double sizingFactor;
    String instrumentId;
    String sector;
    Side side;
    double approvedQuantity;
    double rejectedQuantity;
    double price;
    double contractSize;

    @Setup
    public void setUp() {
        book = book();
        limits = limits();
        result = new PreTradeResult(limits.size());
        accountState = TradingState.ACTIVE;
        firmState = TradingState.ACTIVE;
        tier = DrawdownTier.NONE;
        sizingFactor = 1;
        instrumentId = "I0";
        sector = SECTORS[0];
        side = Side.BUY;
        approvedQuantity = 100;
        rejectedQuantity = 20_000;
        price = 100;
        contractSize = 1;
    }

    /**
     * The account: position {@code i} (0..19) in instrument {@code I<i>} of sector
     * {@code SECTORS[i % 5]}, {@code 100 (i + 1)} units marked at 100, so market value
     * {@code (i + 1) x 10,000}, long for even {@code i} and short for odd. Equity 1,000,000, daily
     * P&amp;L -5,000, drawdown 2%, 99% VaR 20,000.
     */
    public static AccountExposure book() {
        AccountExposure book = new AccountExposure(POSITIONS + 1).account(EQUITY, -5_000, 0.02, 20_000);
        for (int i = 0; i < POSITIONS; i++) {
            double sign = i % 2 == 0 ? 1 : -1;
            book.add("I" + i, SECTORS[i % SECTORS.length], sign * 100.0 * (i + 1), sign * 10_000.0 * (i + 1));
        }
        return book;
    }

    /**
     * The demo's default limits for an account of 1,000,000 (gross 4x equity, net 2x, leverage 4,
     * concentration 35%, daily loss 3%, drawdown 15%, VaR 5%), then at most 5,000 units of I0 and at
     * most 1,000,000 gross in TECH.
     */
    public static LimitSet limits() {
        String id = "ACC-001";
        double warn = AccountLimit.DEFAULT_WARN_AT;
        List<AccountLimit> limits = new ArrayList<>();
        limits.add(new AccountLimit(id, "GROSS", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 4 * EQUITY, warn));
        limits.add(new AccountLimit(id, "NET", LimitScope.ACCOUNT, null, LimitMetric.NET_NOTIONAL, 2 * EQUITY, warn));
        limits.add(new AccountLimit(id, "LEVERAGE", LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 4, warn));
        limits.add(new AccountLimit(id, "CONCENTRATION", LimitScope.ACCOUNT, null, LimitMetric.CONCENTRATION, 0.35, warn));
        limits.add(new AccountLimit(id, "DAILY_LOSS", LimitScope.ACCOUNT, null, LimitMetric.DAILY_LOSS, 0.03 * EQUITY, warn));
        limits.add(new AccountLimit(id, "DRAWDOWN", LimitScope.ACCOUNT, null, LimitMetric.DRAWDOWN, 0.15, warn));
        limits.add(new AccountLimit(id, "VAR99", LimitScope.ACCOUNT, null, LimitMetric.VAR_99, 0.05 * EQUITY, warn));
        limits.add(new AccountLimit(id, "I0-QTY", LimitScope.INSTRUMENT, "I0", LimitMetric.POSITION_QTY, 5_000, warn));
        limits.add(new AccountLimit(id, "TECH-GROSS", LimitScope.SECTOR, "TECH", LimitMetric.GROSS_NOTIONAL, 1_000_000, warn));
        return LimitSet.of(limits);
    }

    /** Buy 100 I0 at 100: every limit stays within its maximum. */
    @Benchmark
    public boolean approvedOrder() {
        return PreTradeCheck.DEFAULT.check(book, limits, accountState, firmState, tier, sizingFactor, instrumentId, sector,
                side, approvedQuantity, price, contractSize, result);
    }

    /** Buy 20,000 I0 at 100: gross, leverage, concentration, the I0 quantity and TECH gross are breached. */
    @Benchmark
    public boolean rejectedOrder() {
        return PreTradeCheck.DEFAULT.check(book, limits, accountState, firmState, tier, sizingFactor, instrumentId, sector,
                side, rejectedQuantity, price, contractSize, result);
    }

    /** The answer of the last check, for the smoke test. */
    public PreTradeResult result() {
        return result;
    }
}
