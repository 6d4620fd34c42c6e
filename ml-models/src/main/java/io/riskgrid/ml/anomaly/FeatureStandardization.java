package io.riskgrid.ml.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Per-feature centring and scaling learnt from normal trading: {@code z = (x - mean) / sd}, so
 * every feature is measured in standard deviations of its own normal behaviour before a model
 * compares features with each other.
 * <p>
 * A feature that barely moved in training would otherwise have a standard deviation near zero and
 * turn any later wiggle into an enormous distance. The standard deviation is therefore floored at
 * {@value #SD_FLOOR_FRACTION} of the feature's typical magnitude ({@code max(1, |mean|)}): for the
 * project's features, which are of order 1, a move of 0.001 in a feature that never moved counts
 * as one standard deviation.
 * <p>
 * This class is immutable and thread-safe.
 */
final class FeatureStandardization {

    static final double SD_FLOOR_FRACTION = 1e-3;

    private final double[] means;
    private final double[] sds;

    private FeatureStandardization(double[] means, double[] sds) {
        this.means = means;
        this.sds = sds;
    }

    /** Learns the sample mean and (n - 1) standard deviation of every column of checked training rows. */
    static FeatureStandardization fit(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        double[] means = new double[d];
        double[] sds = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (double[] row : rows) {
                sum += row[j];
            }
            double mean = sum / n;
            // Two passes: the centred sum of squares does not cancel catastrophically for large means.
            double ss = 0;
            for (double[] row : rows) {
                double dev = row[j] - mean;
                ss += dev * dev;
            }
            means[j] = mean;
            sds[j] = Math.max(Math.sqrt(ss / (n - 1)), SD_FLOOR_FRACTION * Math.max(1.0, Math.abs(mean)));
        }
        return new FeatureStandardization(means, sds);
    }

    int dimension() {
        return means.length;
    }

    /** Standardized value of feature {@code j}. */
    double z(double[] features, int j) {
        return (features[j] - means[j]) / sds[j];
    }

    /** Standardizes a whole vector into {@code out}. */
    void standardize(double[] features, double[] out) {
        for (int j = 0; j < means.length; j++) {
            out[j] = (features[j] - means[j]) / sds[j];
        }
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(means.length);
        for (double m : means) {
            out.writeDouble(m);
        }
        for (double s : sds) {
            out.writeDouble(s);
        }
    }

    /**
     * Reads what {@link #writeTo} wrote.
     *
     * @throws IllegalArgumentException if the stored values cannot be a standardization of {@code dimension} features
     */
    static FeatureStandardization readFrom(DataInputStream in, int dimension) throws IOException {
        int d = in.readInt();
        if (d != dimension) {
            throw new IllegalArgumentException("standardization has dimension " + d + ", expected " + dimension);
        }
        double[] means = new double[d];
        double[] sds = new double[d];
        for (int j = 0; j < d; j++) {
            means[j] = in.readDouble();
            if (!Double.isFinite(means[j])) {
                throw new IllegalArgumentException("standardization mean[" + j + "] is not finite");
            }
        }
        for (int j = 0; j < d; j++) {
            sds[j] = in.readDouble();
            if (!(sds[j] > 0) || !Double.isFinite(sds[j])) {
                throw new IllegalArgumentException("standardization sd[" + j + "] is not a positive finite value");
            }
        }
        return new FeatureStandardization(means, sds);
    }
}
