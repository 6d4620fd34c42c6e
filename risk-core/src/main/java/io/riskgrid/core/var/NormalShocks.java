package io.riskgrid.core.var;

/**
 * Independent standard normal shocks for a block of Monte Carlo paths, one random stream per path.
 * <p>
 * The stream of path {@code p} under seed {@code s} is a xoshiro256++ generator (Blackman and Vigna)
 * whose 256-bit state is four consecutive outputs of SplitMix64 started from {@code mix(s)} and
 * advanced {@code 4 p} steps, so it depends on nothing but {@code (s, p)}: not on the block the path
 * falls in, its lane, the thread that draws it or how many threads there are. Paths whose P&amp;L
 * must be explained again (the tail scenarios behind component VaR) are redrawn from their own
 * index alone.
 * <p>
 * The {@link #LANES} streams of a block are advanced together, one draw per lane per step, in a loop
 * over primitive arrays that the JIT turns into AVX2 instructions; each draw is then turned into a
 * normal deviate with the ziggurat method of Marsaglia and Tsang (2000) over 256 layers, with the
 * layer chosen from the low 8 bits of the draw and the abscissa from its top 52 bits, so the two are
 * independent (Doornik 2005). About 98.5% of deviates cost a table look-up, a compare and a multiply;
 * the rest (the wedges and the tail beyond r = 3.654) take further draws from the same lane's
 * stream, so every lane's numbers are still a deterministic function of its stream. The generator
 * is written out here rather than taken from Commons RNG because a sampler that pulls each number
 * through a {@code UniformRandomProvider} keeps the generator state in memory and cannot advance
 * many streams at once: with Commons RNG's ziggurat over one stream per path, drawing took about
 * 4 ns per deviate on the reference machine, against under 3 ns here.
 * <p>
 * Instances are mutable and confined to one thread (see {@link ShockBlock}).
 */
final class NormalShocks {

    /** Paths drawn together; the width of every array here. */
    static final int LANES = 128;

    /** Layers of the ziggurat. */
    private static final int LAYERS = 256;
    /** Right edge of the base layer: the normal tail starts here. */
    private static final double R = 3.6541528853610088;
    /** Area of every layer, the base layer counting its tail. */
    private static final double V = 4.92867323399e-3;
    /**
     * X[i] is the half-width of layer i: X[0] = V / f(R) is the width the base layer would have as
     * a rectangle of height f(R), X[1] = R, X[i + 1] = f^-1(f(X[i]) + V / X[i]) and X[256] = 0,
     * with f(x) = exp(-x^2 / 2).
     */
    private static final double[] X = new double[LAYERS + 1];
    /** F[i] = f(X[i]). */
    private static final double[] F = new double[LAYERS + 1];
    /** X[i + 1] / X[i]: a draw with |u| below it lies under the curve whatever its height. */
    private static final double[] INNER = new double[LAYERS];
    /** (F[i + 1] - F[i]) / (X[i] - X[i + 1]): the slope of the chord across layer i's edge. */
    private static final double[] CHORD_SLOPE = new double[LAYERS];

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    static {
        double f = Math.exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        for (int i = 2; i < LAYERS; i++) {
            X[i] = Math.sqrt(-2 * Math.log(V / X[i - 1] + f));
            f = Math.exp(-0.5 * X[i] * X[i]);
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = Math.exp(-0.5 * X[i] * X[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            INNER[i] = X[i + 1] / X[i];
            CHORD_SLOPE[i] = (F[i + 1] - F[i]) / (X[i] - X[i + 1]);
        }
    }

    private final long[] s0 = new long[LANES];
    private final long[] s1 = new long[LANES];
    private final long[] s2 = new long[LANES];
    private final long[] s3 = new long[LANES];
    private final long[] draws = new long[LANES];
    private final int[] rejected = new int[LANES];

    /** Points lane {@code l} at path {@code firstPath + l}, for every lane. */
    void startPaths(long seed, long firstPath) {
        long origin = mix(seed);
        for (int l = 0; l < LANES; l++) {
            startLane(l, origin, firstPath + l);
        }
    }

    /**
     * Points lanes {@code 0..count-1} at {@code paths[from..from+count)}; the other lanes repeat
     * the last of them, so that the block is full and its extra lanes can be ignored.
     */
    void startPaths(long seed, int[] paths, int from, int count) {
        long origin = mix(seed);
        for (int l = 0; l < LANES; l++) {
            startLane(l, origin, paths[from + Math.min(l, count - 1)]);
        }
    }

    /** Fills {@code z[k][l]}, k < factors, with the next {@code factors} normal deviates of each lane. */
    void fill(double[][] z, int factors) {
        for (int k = 0; k < factors; k++) {
            nextLongs(draws);
            deviates(draws, z[k]);
        }
    }

    /** One step of every lane: {@code out[l]} is lane l's next 64-bit output. */
    void nextLongs(long[] out) {
        advance(s0, s1, s2, s3, out);
    }

    /** Lane {@code l}'s next 64-bit output. */
    long nextLong(int l) {
        long a = s0[l];
        long b = s1[l];
        long c = s2[l];
        long d = s3[l];
        long result = Long.rotateLeft(a + d, 23) + a;
        long t = b << 17;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = Long.rotateLeft(d, 45);
        s0[l] = a;
        s1[l] = b;
        s2[l] = c;
        s3[l] = d;
        return result;
    }

    private void startLane(int l, long origin, long path) {
        long base = origin + 4 * path * GOLDEN_GAMMA;
        s0[l] = mix(base + GOLDEN_GAMMA);
        s1[l] = mix(base + 2 * GOLDEN_GAMMA);
        s2[l] = mix(base + 3 * GOLDEN_GAMMA);
        s3[l] = mix(base + 4 * GOLDEN_GAMMA);
    }

    /** One xoshiro256++ step of every lane: the same arithmetic as {@link #nextLong}, one lane per element. */
    private static void advance(long[] s0, long[] s1, long[] s2, long[] s3, long[] out) {
        for (int l = 0; l < LANES; l++) {
            long a = s0[l];
            long b = s1[l];
            long c = s2[l];
            long d = s3[l];
            out[l] = Long.rotateLeft(a + d, 23) + a;
            long t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = Long.rotateLeft(d, 45);
            s0[l] = a;
            s1[l] = b;
            s2[l] = c;
            s3[l] = d;
        }
    }

    /**
     * Turns one draw per lane into a normal deviate. The common case is finished in a first loop
     * free of calls and branches, which lists the lanes that fell outside their layer's inner
     * rectangle; only those go through {@link #edge}.
     */
    private void deviates(long[] draws, double[] out) {
        int[] rejectedLanes = rejected;
        int misses = 0;
        for (int l = 0; l < LANES; l++) {
            long r = draws[l];
            int layer = (int) r & 0xff;
            double u = abscissa(r);
            out[l] = u * X[layer];
            rejectedLanes[misses] = l;
            misses += Math.abs(u) < INNER[layer] ? 0 : 1;
        }
        for (int m = 0; m < misses; m++) {
            int l = rejectedLanes[m];
            long r = draws[l];
            out[l] = edge(l, (int) r & 0xff, abscissa(r));
        }
    }

    /**
     * The slow part of the ziggurat for a draw that missed the inner rectangle of its layer: the
     * normal tail for the base layer, otherwise a test of a uniform height in the layer against the
     * density, drawing afresh from the same lane until a deviate is accepted.
     * <p>
     * The density exp(-x^2/2) is concave for |x| &lt; 1 and convex beyond, so within a layer wholly
     * on one side of 1 the chord between the layer's corners lies below (concave) or above (convex)
     * the curve: a point under a concave layer's chord is accepted, and a point over a convex
     * layer's chord rejected, without computing the exponential.
     */
    private double edge(int lane, int layer, double u) {
        while (true) {
            if (layer == 0) {
                // Marsaglia (1964): R + e with e exponential of rate R, accepted with probability
                // exp(-e^2 / 2), is distributed as a normal deviate conditioned on exceeding R.
                double e;
                double y;
                do {
                    e = -Math.log(1 - uniform(lane)) / R;
                    y = -Math.log(1 - uniform(lane));
                } while (y + y < e * e);
                return u < 0 ? -(R + e) : R + e;
            }
            double x = u * X[layer];
            double height = F[layer] + uniform(lane) * (F[layer + 1] - F[layer]);
            double chord = F[layer] + CHORD_SLOPE[layer] * (X[layer] - Math.abs(x));
            boolean concave = X[layer] <= 1;
            boolean convex = X[layer + 1] >= 1;
            if (concave && height <= chord) {
                return x;
            }
            if (!(convex && height > chord) && height < Math.exp(-0.5 * x * x)) {
                return x;
            }
            long r = nextLong(lane);
            layer = (int) r & 0xff;
            u = abscissa(r);
            if (Math.abs(u) < INNER[layer]) {
                return u * X[layer];
            }
        }
    }

    /** A uniform number in [0, 1) from the top 53 bits of the lane's next draw. */
    private double uniform(int lane) {
        return (nextLong(lane) >>> 11) * 0x1.0p-53;
    }

    /**
     * A uniform number in [-1, 1) from the top 52 bits of {@code r}: they become the mantissa of a
     * double in [2, 4), from which 3 is taken. Building the double from its bits avoids a
     * long-to-double conversion, which on x86 carries a false dependency from one lane to the next.
     */
    private static double abscissa(long r) {
        return Double.longBitsToDouble(0x4000000000000000L | (r >>> 12)) - 3.0;
    }

    /** The SplitMix64 output function (Stafford's mix 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
