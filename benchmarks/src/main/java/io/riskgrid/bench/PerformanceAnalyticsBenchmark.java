package io.riskgrid.bench;

import io.riskgrid.core.performance.PerformanceAnalytics;
import io.riskgrid.core.performance.PerformanceInput;
import io.riskgrid.core.performance.PerformanceReport;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link PerformanceAnalytics#compute} on a series of {@value #PERIODS} daily returns (about forty
 * years) with a benchmark, a daily risk-free series and a constant required return: every figure of
 * {@code POST /analytics/performance}, including the sort behind VaR and CVaR.
 * <p>
 * The series is seeded, so every run measures the same input: the benchmark is normal with mean
 * 0.03% and volatility 1% a day, the strategy is 0.01% + 1.1 x benchmark + normal noise of 0.5%, and
 * one return in 50 and one benchmark return in 70 are missing (NaN). The input is built once in
 * {@link #setUp}; the report is returned, so JMH consumes it. Run:
 * <pre>
 * mvn -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PerformanceAnalyticsBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PerformanceAnalyticsBenchmark {

    /** Returns in the series. */
    public static final int PERIODS = 10_000;

    /** Seed of the generated series. */
    public static final long SEED = 20_240_601L;

    PerformanceInput input;

    @Setup
    public void setUp() {
        input = input();
    }

    /** The benchmark's input, the same for every call. */
    public static PerformanceInput input() {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] returns = new double[PERIODS];
        double[] benchmark = new double[PERIODS];
        double[] riskFree = new double[PERIODS];
        for (int i = 0; i < PERIODS; i++) {
            double b = 0.0003 + 0.01 * gaussian(random);
            returns[i] = i % 50 == 7 ? Double.NaN : 0.0001 + 1.1 * b + 0.005 * gaussian(random);
            benchmark[i] = i % 70 == 3 ? Double.NaN : b;
            // A bill rate drifting between about 1% and 5% a year, per trading day.
            riskFree[i] = (0.03 + 0.02 * Math.sin(i / 500.0)) / 252;
        }
        return new PerformanceInput(returns, riskFree, new double[] {0.0001}, 252, benchmark, 0.95);
    }

    /** A standard normal draw (Marsaglia's polar method), so the series does not depend on java.util.Random. */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    @Benchmark
    public PerformanceReport compute() {
        return PerformanceAnalytics.DEFAULT.compute(input);
    }
}
