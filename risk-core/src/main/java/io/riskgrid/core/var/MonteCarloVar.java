package io.riskgrid.core.var;

import io.riskgrid.core.Guard;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Value at risk by Monte Carlo simulation of correlated normal factor returns.
 * <p>
 * Each path p draws independent standard normal shocks z_p (one per factor), turns them into the
 * correlated one-day shock vector x_p = L z_p with L the Cholesky factor of the model's covariance,
 * and values the portfolio: P&amp;L_p = sqrt(h) V . x_p for market values V and a horizon of h days.
 * Every path's whole shock vector is generated, as a portfolio that is not linear in its factors
 * would need, even though a linear one could be valued from a single draw of (L'V) . z. VaR and CVaR
 * are read from the paths' P&amp;Ls as {@link LossDistribution} defines them; component VaR is the
 * tail allocation of {@link LossTail}, for which the worst paths are drawn again.
 * <p>
 * <b>Reproducibility.</b> Path p's shocks come from its own random stream, a function of the seed
 * and p only (see {@link NormalShocks}), and its arithmetic does not depend on where it is computed.
 * The same seed therefore gives the same P&amp;Ls, bit for bit, whatever the parallelism, and the
 * first N paths of a longer run are the N paths of a shorter one. P&amp;L is linear in the market
 * values, so the P&amp;L vectors of disjoint books, each expressed on the factors of one model
 * (market value 0 where a book has no position) and simulated with one seed, add up to the
 * P&amp;L vector of their union, to rounding: books held on different grid nodes can be aggregated.
 * <p>
 * <b>Performance.</b> Paths are simulated {@value NormalShocks#LANES} at a time by the calling
 * thread and up to {@code parallelism - 1} helper threads, which claim blocks of paths from a
 * shared counter; blocks go to whichever thread is free, so a helper that is busy or slow delays
 * nothing but its own block. The helpers are daemon threads of a pool owned by this instance,
 * started on the first parallel call and stopped after a minute without work; create one instance
 * and share it. Each thread keeps its working memory (see {@link ShockBlock}) from call to call:
 * {@link #simulatePnl} allocates a few small objects per call and nothing per path or per block;
 * {@link #compute} also allocates its P&amp;L vector and a copy of it in which it selects the tail.
 * <p>
 * This class is thread-safe: concurrent calls share the helpers.
 */
public final class MonteCarloVar {

    /** Parallelism = the number of available processors. */
    public static final MonteCarloVar DEFAULT = new MonteCarloVar(Runtime.getRuntime().availableProcessors());

    private static final int LANES = NormalShocks.LANES;
    /** How long the caller spins for helpers to finish their last block before it parks. */
    private static final long SPIN_NANOS = 50_000;
    private static final AtomicInteger POOL_COUNT = new AtomicInteger();

    private final int parallelism;
    private volatile ExecutorService helpers;

    /**
     * @param parallelism the number of threads that simulate one call's paths, the caller included;
     *                    1 simulates on the calling thread only
     */
    public MonteCarloVar(int parallelism) {
        this.parallelism = Guard.positive(parallelism, "parallelism");
    }

    /** The number of threads that simulate one call's paths, the caller included. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * @param marketValues market value of each position, one per factor of the model, in currency
     * @param model        one-day volatilities and correlations of the factors
     * @param confidence   confidence level in (0, 1), such as 0.99
     * @param horizonDays  horizon in days, positive
     * @param paths        number of paths, positive
     * @param seed         seed of the random streams
     * @throws IllegalArgumentException naming the argument at fault
     */
    public VarResult compute(double[] marketValues, CovarianceModel model, double confidence, int horizonDays,
                             int paths, long seed) {
        VarInputs.checkExposures(marketValues, model);
        VarInputs.checkConfidence(confidence);
        Guard.positive(horizonDays, "horizonDays");
        Guard.positive(paths, "paths");

        double[] pnl = new double[paths];
        simulate(marketValues, model, horizonDays, paths, seed, pnl);

        double[] worst = LossTail.smallest(pnl, LossDistribution.needed(paths, confidence));
        LossDistribution distribution = LossDistribution.ofWorst(worst, paths);
        double var = distribution.var(confidence);
        double cvar = distribution.cvar(confidence);

        int count = LossDistribution.tailCount(paths, confidence);
        int[] tail = LossTail.worstScenarios(pnl, worst, count);
        double[] components = LossTail.components(
                meanTailContributions(marketValues, model, horizonDays, seed, tail), var);
        return new VarResult(VarMethod.MONTE_CARLO, confidence, horizonDays, var, cvar, components, paths);
    }

    /**
     * The P&amp;L of each path for these exposures: {@code pnlOut[p]} for p &lt; paths. The same
     * seed gives the same numbers bit for bit, whatever the parallelism. Linear in marketValues, so
     * P&amp;L vectors of disjoint books can be summed to the P&amp;L of their union under the same
     * seed.
     *
     * @param pnlOut where the P&amp;Ls are written; exactly {@code paths} long
     * @throws IllegalArgumentException naming the argument at fault
     */
    public void simulatePnl(double[] marketValues, CovarianceModel model, int horizonDays, int paths, long seed,
                            double[] pnlOut) {
        VarInputs.checkExposures(marketValues, model);
        Guard.positive(horizonDays, "horizonDays");
        Guard.positive(paths, "paths");
        Guard.notNull(pnlOut, "pnlOut");
        if (pnlOut.length != paths) {
            throw new IllegalArgumentException("pnlOut has " + pnlOut.length + " entries but paths is " + paths);
        }
        simulate(marketValues, model, horizonDays, paths, seed, pnlOut);
    }

    @Override
    public String toString() {
        return "MonteCarloVar[parallelism=" + parallelism + "]";
    }

    private void simulate(double[] marketValues, CovarianceModel model, int horizonDays, int paths, long seed,
                          double[] pnlOut) {
        double[] exposures = Arrays.copyOf(marketValues, ShockBlock.rows(marketValues.length));
        Simulation simulation = new Simulation(model, exposures, Math.sqrt(horizonDays), paths, seed, pnlOut);
        int extraThreads = Math.min(parallelism - 1, simulation.blocks - 1);
        if (extraThreads > 0) {
            ExecutorService pool = helpers();
            for (int t = 0; t < extraThreads; t++) {
                pool.execute(simulation);
            }
        }
        simulation.work();
        if (extraThreads > 0) {
            simulation.awaitHelpers();
        }
    }

    /**
     * The mean P&amp;L contribution V_i x_i sqrt(h) of each position over the tail paths. x = L z is
     * linear in z, so the mean of x over the tail is L times the mean of z, and only the tail paths'
     * independent shocks need drawing again.
     */
    private static double[] meanTailContributions(double[] marketValues, CovarianceModel model, int horizonDays,
                                                  long seed, int[] tail) {
        int n = marketValues.length;
        ShockBlock block = ShockBlock.forCurrentThread(n);
        double[] zSum = new double[n];
        for (int from = 0; from < tail.length; from += LANES) {
            int count = Math.min(LANES, tail.length - from);
            block.shocks.startPaths(seed, tail, from, count);
            block.shocks.fill(block.z, n);
            for (int k = 0; k < n; k++) {
                double[] row = block.z[k];
                double sum = 0;
                for (int p = 0; p < count; p++) {
                    sum += row[p];
                }
                zSum[k] += sum;
            }
        }
        double[] factor = model.factor();
        int stride = ShockBlock.stride(n);
        double scale = Math.sqrt(horizonDays) / tail.length;
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 0;
            for (int k = 0; k <= i; k++) {
                x += factor[i * stride + k] * zSum[k];
            }
            mean[i] = marketValues[i] * x * scale;
        }
        return mean;
    }

    private ExecutorService helpers() {
        ExecutorService pool = helpers;
        if (pool == null) {
            synchronized (this) {
                pool = helpers;
                if (pool == null) {
                    pool = newHelperPool(parallelism - 1);
                    helpers = pool;
                }
            }
        }
        return pool;
    }

    private static ExecutorService newHelperPool(int threads) {
        int poolId = POOL_COUNT.incrementAndGet();
        AtomicInteger threadCount = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "riskgrid-montecarlo-" + poolId + "-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * One call's paths, split into blocks of {@value NormalShocks#LANES} that the caller and the
     * helpers claim in turn. Each block writes only its own slice of the output.
     */
    private static final class Simulation implements Runnable {

        private final double[] factor;
        private final double[] exposures;
        private final int factors;
        private final double scale;
        private final int paths;
        private final long seed;
        private final double[] out;
        final int blocks;
        private final AtomicInteger nextBlock = new AtomicInteger();
        private final AtomicInteger finishedBlocks = new AtomicInteger();
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        Simulation(CovarianceModel model, double[] exposures, double scale, int paths, long seed, double[] out) {
            this.factor = model.factor();
            this.exposures = exposures;
            this.factors = model.size();
            this.scale = scale;
            this.paths = paths;
            this.seed = seed;
            this.out = out;
            this.blocks = (paths + LANES - 1) / LANES;
        }

        /** Runs on a helper thread. */
        @Override
        public void run() {
            try {
                work();
            } catch (Throwable t) {
                failure = t;
                LockSupport.unpark(caller);
            }
        }

        void work() {
            int b = nextBlock.getAndIncrement();
            if (b >= blocks) {
                return;
            }
            ShockBlock block = ShockBlock.forCurrentThread(factors);
            int done = 0;
            for (; b < blocks; b = nextBlock.getAndIncrement()) {
                int first = b * LANES;
                block.simulate(factor, exposures, seed, first);
                int count = Math.min(LANES, paths - first);
                double[] pnl = block.pnl;
                for (int p = 0; p < count; p++) {
                    out[first + p] = pnl[p] * scale;
                }
                done++;
            }
            if (finishedBlocks.addAndGet(done) == blocks && Thread.currentThread() != caller) {
                LockSupport.unpark(caller);
            }
        }

        /** Waits, on the calling thread, until every block is written. */
        void awaitHelpers() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (finishedBlocks.get() < blocks) {
                Throwable t = failure;
                if (t != null) {
                    throw new IllegalStateException("a Monte Carlo helper thread failed", t);
                }
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
