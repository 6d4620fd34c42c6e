package io.riskgrid.bench;

import io.riskgrid.core.account.AccountRisk;
import io.riskgrid.core.account.AccountRiskCalculator;
import io.riskgrid.core.account.PositionExposure;
import io.riskgrid.core.position.PositionMath;
import io.riskgrid.core.position.PositionState;
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
 * The per-fill and per-account kernels of the grid's ingest path: {@link PositionMath#apply} for a
 * fill that increases a position, one that reduces it and one that flips it, and
 * {@link AccountRiskCalculator#compute} over an account of 20 positions, which runs after every fill
 * and every re-mark.
 * <p>
 * Inputs are fields of the state, not constants, so the JIT cannot fold the calls away; results are
 * returned, so JMH consumes them. {@code PositionMathBenchmarkTest} checks each method's result for
 * these inputs. Run:
 * <pre>
 * mvn -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PositionMath -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PositionMathBenchmark {

    /** Positions in the account whose risk is computed. */
    public static final int POSITIONS = 20;

    /** Equity the account started with. */
    public static final double INITIAL_EQUITY = 1_000_000;

    // Long 100 at 10: a buy of 50 at 13 increases it, a sell of 60 at 12 reduces it, a sell of 150 at 12 flips it.
    PositionState longPosition;
    double increaseQuantity;
    double reduceQuantity;
    double flipQuantity;
    double increasePrice;
    double exitPrice;
    double contractSize;

    List<PositionExposure> book;
    double initialEquity;
    double peakEquity;
    double sodEquity;

    @Setup
    public void setUp() {
        longPosition = new PositionState(100, 10, 0);
        increaseQuantity = 50;
        reduceQuantity = -60;
        flipQuantity = -150;
        increasePrice = 13;
        exitPrice = 12;
        contractSize = 1;
        book = book();
        initialEquity = INITIAL_EQUITY;
        peakEquity = Double.NaN;
        sodEquity = Double.NaN;
    }

    /**
     * The 20 positions of the account: position {@code i} (0..19) in instrument {@code I<i>} has
     * realized P&L {@code 10 i}, unrealized P&L {@code 100 (i - 10)}, market value
     * {@code (i + 1) x 10,000}, long for even {@code i} and short for odd, and margin rate 10% when
     * long, 20% when short.
     */
    public static List<PositionExposure> book() {
        List<PositionExposure> positions = new ArrayList<>(POSITIONS);
        for (int i = 0; i < POSITIONS; i++) {
            boolean isLong = i % 2 == 0;
            double marketValue = (isLong ? 1 : -1) * (i + 1) * 10_000.0;
            positions.add(new PositionExposure("I" + i, 10.0 * i, 100.0 * (i - 10), marketValue, isLong ? 0.10 : 0.20));
        }
        return positions;
    }

    @Benchmark
    public PositionState increase() {
        return PositionMath.DEFAULT.apply(longPosition, increaseQuantity, increasePrice, contractSize);
    }

    @Benchmark
    public PositionState reduce() {
        return PositionMath.DEFAULT.apply(longPosition, reduceQuantity, exitPrice, contractSize);
    }

    @Benchmark
    public PositionState flip() {
        return PositionMath.DEFAULT.apply(longPosition, flipQuantity, exitPrice, contractSize);
    }

    @Benchmark
    public AccountRisk accountRisk() {
        return AccountRiskCalculator.DEFAULT.compute(initialEquity, peakEquity, sodEquity, book);
    }
}
