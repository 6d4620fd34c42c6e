package io.riskgrid.ml.anomaly;

/**
 * Checks on the feature vectors that reach a scorer, with messages that name the offending row,
 * feature and value. The checks on a single vector allocate nothing unless they fail, because they
 * run on every score.
 * <p>
 * This class is stateless and thread-safe.
 */
final class FeatureVectors {

    /** The fewest normal rows a scorer is trained on; fewer cannot pin down a covariance or a calibration. */
    static final int MIN_TRAINING_ROWS = 50;

    private FeatureVectors() {
    }

    /**
     * Checks one vector to score.
     *
     * @throws IllegalArgumentException if it is null, has the wrong length or holds a NaN or infinite value
     */
    static void checkVector(double[] features, int dimension) {
        if (features == null) {
            throw new IllegalArgumentException("features must not be null");
        }
        if (features.length != dimension) {
            throw new IllegalArgumentException(
                    "features has length " + features.length + ", expected " + dimension);
        }
        for (int j = 0; j < dimension; j++) {
            double v = features[j];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("features[" + j + "] is " + describe(v) + ", expected a finite value");
            }
        }
    }

    /**
     * Checks a training matrix: at least {@link #MIN_TRAINING_ROWS} rows, all of the same non-zero
     * length, every value finite.
     *
     * @return the common row length (the model's dimension)
     * @throws IllegalArgumentException naming the first problem found
     */
    static int checkTrainingRows(double[][] normal) {
        if (normal == null) {
            throw new IllegalArgumentException("normal must not be null");
        }
        if (normal.length < MIN_TRAINING_ROWS) {
            throw new IllegalArgumentException("normal has " + normal.length
                    + " rows, at least " + MIN_TRAINING_ROWS + " rows of normal trading are needed");
        }
        if (normal[0] == null || normal[0].length == 0) {
            throw new IllegalArgumentException("normal[0] must be a non-empty feature vector");
        }
        int dimension = normal[0].length;
        for (int i = 0; i < normal.length; i++) {
            double[] row = normal[i];
            if (row == null) {
                throw new IllegalArgumentException("normal[" + i + "] is null");
            }
            if (row.length != dimension) {
                throw new IllegalArgumentException("normal[" + i + "] has length " + row.length
                        + ", expected " + dimension + " (the length of normal[0])");
            }
            for (int j = 0; j < dimension; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("normal[" + i + "][" + j + "] is " + describe(row[j])
                            + ", expected a finite value");
                }
            }
        }
        return dimension;
    }

    private static String describe(double v) {
        return Double.isNaN(v) ? "NaN" : (v > 0 ? "+infinite" : "-infinite");
    }
}
