package io.riskgrid.ml.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Turns a model's raw distance from normal into the calibrated score every {@link AnomalyScorer}
 * promises: the fraction of the normal calibration samples whose distance is strictly below this
 * one. A distance below every calibration sample scores 0, one above all of them scores 1, and the
 * score never decreases as the distance grows.
 * <p>
 * The score is the plain empirical fraction, a step function, without interpolation between
 * neighbouring samples: that is exactly the documented meaning, and it is cheap (one binary search,
 * no allocation). Its resolution is one over the number of calibration samples.
 * <p>
 * This class is immutable and thread-safe.
 */
final class DistanceCalibration {

    private final double[] sorted;

    private DistanceCalibration(double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * Calibrates on the distances of normal samples (copied; the argument is not changed).
     *
     * @throws IllegalArgumentException if there are none, or one is NaN or negative
     */
    static DistanceCalibration of(double[] normalDistances) {
        if (normalDistances == null || normalDistances.length == 0) {
            throw new IllegalArgumentException("normalDistances must hold at least one distance");
        }
        double[] sorted = normalDistances.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!(sorted[i] >= 0)) {
                throw new IllegalArgumentException("normalDistances[" + i + "] is " + sorted[i]
                        + ", expected a non-negative distance");
            }
        }
        Arrays.sort(sorted);
        return new DistanceCalibration(sorted);
    }

    /** How many normal distances the calibration holds. */
    int size() {
        return sorted.length;
    }

    /**
     * The fraction of calibration distances strictly below {@code distance}, in [0, 1]. A NaN
     * distance (only reachable through overflow in a model) counts as beyond every sample.
     */
    double score(double distance) {
        if (Double.isNaN(distance)) {
            return 1.0;
        }
        // Lower bound: index of the first sorted distance >= distance, which is the count strictly below.
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < distance) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) lo / sorted.length;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(sorted.length);
        for (double d : sorted) {
            out.writeDouble(d);
        }
    }

    /**
     * Reads what {@link #writeTo} wrote.
     *
     * @throws IllegalArgumentException if the stored distances are not a sorted list of non-negative values
     */
    static DistanceCalibration readFrom(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n <= 0 || n > in.available() / Double.BYTES) {
            throw new IllegalArgumentException("calibration size " + n + " does not match the bytes that follow");
        }
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = in.readDouble();
            if (!(sorted[i] >= 0) || (i > 0 && sorted[i] < sorted[i - 1])) {
                throw new IllegalArgumentException("calibration distance[" + i + "] is out of order or negative");
            }
        }
        return new DistanceCalibration(sorted);
    }
}
