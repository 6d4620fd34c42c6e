package io.riskgrid.ml.anomaly;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calibrated score on a hand-made list of distances. */
class DistanceCalibrationTest {

    // Sorted: 1, 2, 2, 3, 5. A score is the count strictly below, over 5.
    private final DistanceCalibration calibration = DistanceCalibration.of(new double[] {3, 1, 2, 5, 2});

    @Test
    void scoreIsTheFractionOfCalibrationDistancesStrictlyBelow() {
        assertThat(calibration.score(0.5)).isEqualTo(0.0);
        assertThat(calibration.score(1.0)).isEqualTo(0.0);
        assertThat(calibration.score(1.5)).isEqualTo(0.2);
        assertThat(calibration.score(2.0)).isEqualTo(0.2);
        assertThat(calibration.score(2.5)).isEqualTo(0.6);
        assertThat(calibration.score(3.0)).isEqualTo(0.6);
        assertThat(calibration.score(5.0)).isEqualTo(0.8);
        assertThat(calibration.score(5.0000001)).isEqualTo(1.0);
        assertThat(calibration.score(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(calibration.score(Double.NaN)).isEqualTo(1.0);
    }

    @Test
    void scoreNeverDecreasesAsTheDistanceGrows() {
        double previous = 0;
        for (double d = 0; d <= 6; d += 0.01) {
            double s = calibration.score(d);
            assertThat(s).isBetween(previous, 1.0);
            previous = s;
        }
    }

    @Test
    void writtenAndReadBackScoresTheSame() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            calibration.writeTo(out);
        }
        DistanceCalibration read = DistanceCalibration.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(read.size()).isEqualTo(5);
        for (double d = 0; d <= 6; d += 0.25) {
            assertThat(read.score(d)).isEqualTo(calibration.score(d));
        }
    }

    @Test
    void rejectsNoDistancesAndNegativeOrNaNDistances() {
        assertThatThrownBy(() -> DistanceCalibration.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DistanceCalibration.of(new double[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normalDistances[1]");
        assertThatThrownBy(() -> DistanceCalibration.of(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normalDistances[0]");
    }

    @Test
    void readingRejectsDistancesOutOfOrder() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(2);
            out.writeDouble(2);
            out.writeDouble(1);
        }
        assertThatThrownBy(() -> DistanceCalibration.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
    }
}
