package io.riskgrid.ml.anomaly;

import smile.math.matrix.Matrix;
import smile.projection.PCA;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Principal-component anomaly scorer: how far an account's standardized feature vector lies from
 * the subspace where normal trading varies, and how unusual its position inside that subspace is.
 * <p>
 * <b>Model.</b> Features are standardized ({@link FeatureStandardization}), the sample covariance of
 * the standardized training rows (their correlation matrix) is eigen-decomposed, and the leading
 * {@code k} components that together explain at least {@value #VARIANCE_KEPT} of the variance are
 * kept. For a standardized vector {@code z} with scores {@code t = P'z} on the kept components:
 * <ul>
 *   <li>Hotelling {@code T^2 = sum_a t_a^2 / lambda_a}: the Mahalanobis distance inside the
 *       subspace, which catches a move along the usual directions that is too large;</li>
 *   <li>{@code SPE = |z - P t|^2} (the Q statistic): the squared distance from the subspace, which
 *       catches a move that breaks the usual correlations, however small.</li>
 * </ul>
 * The distance is {@code T^2 + SPE / sigma^2}, where {@code sigma^2} is the mean of the dropped
 * eigenvalues: the Mahalanobis distance under probabilistic PCA (Tipping and Bishop, 1999), which
 * models the variance off the subspace as equal in every dropped direction. Each direction is
 * weighed by the variance normal trading showed along it, so on normal trading the distance
 * averages about {@code d} (k from {@code T^2}, d - k from the SPE term), and a displacement of
 * {@code delta} standard deviations in one feature adds about {@code delta^2} whether or not its
 * direction was kept. (Dividing each term by its own mean instead, {@code T^2 / k + SPE / meanSPE},
 * lets the one or two noisy dropped directions outweigh a large move along the kept ones.) When
 * every component is kept ({@code k = d}) the SPE is identically zero up to rounding and its term
 * is left out rather than amplifying rounding noise. The calibrated score is this distance ranked
 * among the training rows' distances ({@link DistanceCalibration}).
 * <p>
 * <b>Contributions.</b> Both terms split exactly into non-negative per-feature parts. The SPE is the
 * sum of the squared residuals {@code r_j}. The {@code T^2} equals {@code |w|^2} for
 * {@code w = P Lambda^-1/2 P' z}, the symmetric (ZCA) whitening of {@code z} restricted to the
 * subspace, so feature {@code j} gets {@code w_j^2}. Feature {@code j}'s share is
 * {@code (w_j^2 + r_j^2 / sigma^2) / distance}. A feature displaced alone dominates both parts,
 * except that two features whose only difference is a direction normal trading never used
 * (perfectly correlated features) cannot be told apart.
 * <p>
 * <b>Smile.</b> The principal components and their variances come from Smile 2.6.0's
 * {@code smile.projection.PCA} (its matrix maths runs on OpenBLAS through JavaCPP, whose Linux
 * x86-64 natives are on the classpath). Only training calls it: the fitted components are stored
 * in the model's bytes, and scoring is plain Java arithmetic on them, so every node that loads a
 * version scores bit-identically, whatever its CPU.
 * <p>
 * This class is immutable and thread-safe; {@link #score} allocates nothing.
 */
final class PcaScorer implements AnomalyScorer {

    /** Fraction of the standardized variance the kept components must explain. */
    static final double VARIANCE_KEPT = 0.95;

    /**
     * Floor of {@code sigma^2}, in squared standard deviations: when normal trading lies (almost)
     * exactly in the subspace, a move off it is very unusual, but should not divide by zero.
     */
    static final double MIN_RESIDUAL_VARIANCE = 1e-6;

    private static final int FORMAT_VERSION = 1;

    private final FeatureStandardization standardization;
    /** Kept components, row {@code a} is the unit eigenvector of the a-th largest eigenvalue. */
    private final double[][] components;
    private final double[] eigenvalues;
    /** {@code sigma^2}, the mean dropped eigenvalue, or 0 when every component is kept and the SPE term is left out. */
    private final double residualVariance;
    private final DistanceCalibration calibration;

    private PcaScorer(FeatureStandardization standardization, double[][] components, double[] eigenvalues,
            double residualVariance, DistanceCalibration calibration) {
        this.standardization = standardization;
        this.components = components;
        this.eigenvalues = eigenvalues;
        this.residualVariance = residualVariance;
        this.calibration = calibration;
    }

    /** Fits the model to checked training rows (see {@link AnomalyScorers#train}); deterministic. */
    static PcaScorer train(double[][] normal) {
        int n = normal.length;
        int d = normal[0].length;
        FeatureStandardization standardization = FeatureStandardization.fit(normal);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            standardization.standardize(normal[i], z[i]);
        }
        // Smile's PCA of the standardized rows: the eigen-decomposition of their sample covariance.
        PCA pca = PCA.fit(z);
        Matrix loadings = pca.getLoadings();
        // Smile 2.6.0 reports the eigenvalues of the scatter matrix Z'Z of the centred rows; the
        // covariance's are those over n - 1.
        double[] values = pca.getVariance().clone();
        for (int a = 0; a < values.length; a++) {
            values[a] /= n - 1;
        }
        Integer[] order = new Integer[d];
        double total = 0;
        for (int a = 0; a < d; a++) {
            order[a] = a;
            values[a] = Math.max(values[a], 0.0);
            total += values[a];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("normal rows do not vary: every feature is constant in training");
        }
        // Largest first; ties keep the decomposition's order so the result is deterministic.
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int k = 0;
        double explained = 0;
        while (k < d && explained < VARIANCE_KEPT * total) {
            explained += values[order[k]];
            k++;
        }
        double[][] components = new double[k][];
        double[] eigenvalues = new double[k];
        for (int a = 0; a < k; a++) {
            double[] column = new double[d];
            for (int j = 0; j < d; j++) {
                column[j] = loadings.get(j, order[a]);
            }
            components[a] = withPositiveLargestEntry(column);
            eigenvalues[a] = values[order[a]];
        }
        double residualVariance = 0;
        if (k < d) {
            double dropped = 0;
            for (int a = k; a < d; a++) {
                dropped += values[order[a]];
            }
            residualVariance = Math.max(dropped / (d - k), MIN_RESIDUAL_VARIANCE);
        }
        PcaScorer uncalibrated = new PcaScorer(standardization, components, eigenvalues, residualVariance, null);
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            distances[i] = uncalibrated.distance(normal[i]);
        }
        return new PcaScorer(standardization, components, eigenvalues, residualVariance,
                DistanceCalibration.of(distances));
    }

    /** An eigenvector's sign is arbitrary; fixing it makes saved models comparable and readable. */
    private static double[] withPositiveLargestEntry(double[] v) {
        double[] u = v.clone();
        int largest = 0;
        for (int j = 1; j < u.length; j++) {
            if (Math.abs(u[j]) > Math.abs(u[largest])) {
                largest = j;
            }
        }
        double norm = 0;
        for (double x : u) {
            norm += x * x;
        }
        double scale = (u[largest] < 0 ? -1 : 1) / Math.sqrt(norm);
        for (int j = 0; j < u.length; j++) {
            u[j] *= scale;
        }
        return u;
    }

    @Override
    public ScorerKind kind() {
        return ScorerKind.PCA;
    }

    @Override
    public int dimension() {
        return standardization.dimension();
    }

    /** Number of principal components kept. */
    int keptComponents() {
        return eigenvalues.length;
    }

    @Override
    public double score(double[] features) {
        FeatureVectors.checkVector(features, dimension());
        return calibration.score(distance(features));
    }

    /** {@code T^2 + SPE / sigma^2} (the SPE term only when components were dropped). */
    double distance(double[] features) {
        double t2 = 0;
        double inSubspace = 0;
        for (int a = 0; a < components.length; a++) {
            double t = projection(features, a);
            t2 += t * t / eigenvalues[a];
            inSubspace += t * t;
        }
        return residualVariance > 0 ? t2 + speFrom(features, inSubspace) / residualVariance : t2;
    }

    /** {@code sigma^2}, the variance assumed in every dropped direction; 0 when none was dropped. */
    double residualVariance() {
        return residualVariance;
    }

    /** Hotelling's {@code T^2} of the standardized vector on the kept components. */
    double hotellingT2(double[] features) {
        double t2 = 0;
        for (int a = 0; a < components.length; a++) {
            double t = projection(features, a);
            t2 += t * t / eigenvalues[a];
        }
        return t2;
    }

    /** Squared distance of the standardized vector from the kept subspace (the Q statistic). */
    double squaredPredictionError(double[] features) {
        double inSubspace = 0;
        for (int a = 0; a < components.length; a++) {
            double t = projection(features, a);
            inSubspace += t * t;
        }
        return speFrom(features, inSubspace);
    }

    /** {@code |z|^2 - |t|^2} (Pythagoras, the components being orthonormal), clamped at 0 against rounding. */
    private double speFrom(double[] features, double inSubspace) {
        double norm = 0;
        for (int j = 0; j < features.length; j++) {
            double z = standardization.z(features, j);
            norm += z * z;
        }
        return Math.max(norm - inSubspace, 0.0);
    }

    private double projection(double[] features, int a) {
        double[] p = components[a];
        double t = 0;
        for (int j = 0; j < p.length; j++) {
            t += p[j] * standardization.z(features, j);
        }
        return t;
    }

    @Override
    public double[] contributions(double[] features) {
        FeatureVectors.checkVector(features, dimension());
        int d = dimension();
        double[] z = new double[d];
        standardization.standardize(features, z);
        Contributions.rescaleForSquaring(z);
        double[] w = new double[d];
        double[] r = z.clone();
        for (int a = 0; a < components.length; a++) {
            double[] p = components[a];
            double t = 0;
            for (int j = 0; j < d; j++) {
                t += p[j] * z[j];
            }
            double whitened = t / Math.sqrt(eigenvalues[a]);
            for (int j = 0; j < d; j++) {
                w[j] += p[j] * whitened;
                r[j] -= p[j] * t;
            }
        }
        double[] parts = new double[d];
        for (int j = 0; j < d; j++) {
            parts[j] = w[j] * w[j] + (residualVariance > 0 ? r[j] * r[j] / residualVariance : 0.0);
        }
        return Contributions.normalize(parts);
    }

    @Override
    public byte[] save() {
        return ModelBytes.write(ScorerKind.PCA, FORMAT_VERSION, out -> {
            int d = dimension();
            out.writeInt(d);
            standardization.writeTo(out);
            out.writeInt(components.length);
            for (int a = 0; a < components.length; a++) {
                out.writeDouble(eigenvalues[a]);
                ModelBytes.writeDoubles(out, components[a]);
            }
            out.writeDouble(residualVariance);
            calibration.writeTo(out);
        });
    }

    /**
     * Reads what {@link #save} wrote.
     *
     * @throws IllegalArgumentException if the bytes are not a PCA scorer
     */
    static PcaScorer load(byte[] bytes) {
        return ModelBytes.read(ScorerKind.PCA, FORMAT_VERSION, bytes, PcaScorer::readBody);
    }

    private static PcaScorer readBody(DataInputStream in) throws IOException {
        int d = in.readInt();
        if (d <= 0 || d > 10_000) {
            throw new IllegalArgumentException("PCA dimension " + d + " is not plausible");
        }
        FeatureStandardization standardization = FeatureStandardization.readFrom(in, d);
        int k = in.readInt();
        if (k <= 0 || k > d) {
            throw new IllegalArgumentException("PCA keeps " + k + " components, expected 1.." + d);
        }
        double[][] components = new double[k][];
        double[] eigenvalues = new double[k];
        for (int a = 0; a < k; a++) {
            eigenvalues[a] = in.readDouble();
            if (!(eigenvalues[a] > 0) || !Double.isFinite(eigenvalues[a])) {
                throw new IllegalArgumentException("PCA eigenvalue[" + a + "] is not a positive finite value");
            }
            components[a] = ModelBytes.readFiniteDoubles(in, d, "PCA component[" + a + "]");
        }
        double residualVariance = in.readDouble();
        if (!(residualVariance >= 0) || !Double.isFinite(residualVariance)) {
            throw new IllegalArgumentException("PCA residual variance is not a non-negative finite value");
        }
        DistanceCalibration calibration = DistanceCalibration.readFrom(in);
        return new PcaScorer(standardization, components, eigenvalues, residualVariance, calibration);
    }
}
