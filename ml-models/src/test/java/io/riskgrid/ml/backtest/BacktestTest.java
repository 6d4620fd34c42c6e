package io.riskgrid.ml.backtest;

import io.riskgrid.ml.anomaly.AnomalyScorer;
import io.riskgrid.ml.anomaly.ScorerKind;
import io.riskgrid.ml.simulation.IncidentType;
import io.riskgrid.ml.simulation.LabelledSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.riskgrid.ml.simulation.IncidentType.CONCENTRATION_BUILDUP;
import static io.riskgrid.ml.simulation.IncidentType.FAT_FINGER;
import static io.riskgrid.ml.simulation.IncidentType.RUNAWAY_ALGO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Backtest arithmetic against hand-counted alerts. */
class BacktestTest {

    private static final double EPS = 1e-12;

    /** A stand-in model whose score is the sample's only feature. */
    private static final AnomalyScorer FIRST_FEATURE = new AnomalyScorer() {
        @Override
        public ScorerKind kind() {
            return ScorerKind.PCA;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double score(double[] features) {
            return features[0];
        }

        @Override
        public double[] contributions(double[] features) {
            return new double[] {1};
        }

        @Override
        public byte[] save() {
            return new byte[0];
        }
    };

    private static LabelledSample s(String account, long seconds, double score, IncidentType incident) {
        return new LabelledSample(account, seconds * 1_000, new double[] {score}, incident);
    }

    /**
     * Two accounts sampled every 10 s. At threshold 0.9 (alerts marked *):
     * <pre>
     * A:  0 normal 0.10 | 10 RUNAWAY 0.95* | 20 RUNAWAY 0.30 | 30 normal 0.20 | 40 normal 0.91*
     * B:  0 normal 0.20 | 10 FAT     0.40  | 20 normal  0.96* | 30 CONC 0.50 | 40 CONC   0.99*
     * </pre>
     */
    private static List<LabelledSample> twoAccounts() {
        List<LabelledSample> samples = new ArrayList<>(List.of(
                s("A", 0, 0.10, null), s("A", 10, 0.95, RUNAWAY_ALGO), s("A", 20, 0.30, RUNAWAY_ALGO),
                s("A", 30, 0.20, null), s("A", 40, 0.91, null),
                s("B", 0, 0.20, null), s("B", 10, 0.40, FAT_FINGER), s("B", 20, 0.96, null),
                s("B", 30, 0.50, CONCENTRATION_BUILDUP), s("B", 40, 0.99, CONCENTRATION_BUILDUP)));
        // Evaluation must not depend on the order the samples come in.
        Collections.shuffle(samples, new java.util.Random(3));
        return samples;
    }

    @Test
    void precisionCountsSamplesAndRecallCountsIncidents() {
        BacktestResult r = Backtest.evaluate(FIRST_FEATURE, twoAccounts(), 0.9);

        // Alerts: A10 (incident), A40 (normal), B20 (normal), B40 (incident): 2 true, 2 false, precision 2 / 4.
        assertThat(r.truePositives()).isEqualTo(2);
        assertThat(r.falsePositives()).isEqualTo(2);
        assertThat(r.precision()).isCloseTo(0.5, within(EPS));
        // Incidents: A runaway (caught at 10), B fat finger (missed), B build-up (caught at 40): recall 2 / 3.
        assertThat(r.incidents()).isEqualTo(3);
        assertThat(r.falseNegatives()).isEqualTo(1);
        assertThat(r.caughtIncidents()).isEqualTo(2);
        assertThat(r.recall()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(r.recallByType()).containsExactlyInAnyOrderEntriesOf(
                Map.of(RUNAWAY_ALGO, 1.0, FAT_FINGER, 0.0, CONCENTRATION_BUILDUP, 1.0));
        // F1 = 2 (1/2)(2/3) / (1/2 + 2/3) = (2/3) / (7/6) = 4/7.
        assertThat(r.f1()).isCloseTo(4.0 / 7, within(EPS));
        // 5 normal samples of 10 s = 50 s = 1/72 h of an account's normal trading; 2 false alerts: 144 an hour.
        assertThat(r.normalSamples()).isEqualTo(5);
        assertThat(r.falseAlertsPerAccountHour()).isCloseTo(144, within(1e-9));
        assertThat(r.threshold()).isEqualTo(0.9);
    }

    @Test
    void aScoreEqualToTheThresholdAlerts() {
        // At 0.5 the build-up's 0.50 alerts too, and so does nothing else new: alerts A10, A40, B20, B30, B40.
        BacktestResult r = Backtest.evaluate(FIRST_FEATURE, twoAccounts(), 0.5);

        assertThat(r.truePositives()).isEqualTo(3);
        assertThat(r.falsePositives()).isEqualTo(2);
        assertThat(r.precision()).isCloseTo(0.6, within(EPS));
        assertThat(r.recall()).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void aNormalSampleBetweenTwoRunsMakesTwoIncidents() {
        List<LabelledSample> samples = List.of(
                s("A", 0, 0.95, RUNAWAY_ALGO), s("A", 10, 0.10, null), s("A", 20, 0.20, RUNAWAY_ALGO),
                s("A", 30, 0.10, FAT_FINGER));

        BacktestResult r = Backtest.evaluate(FIRST_FEATURE, samples, 0.9, 10_000);

        // Runaway at 0 (caught), runaway at 20 (missed), fat finger at 30 (missed): 1 of 3.
        assertThat(r.incidents()).isEqualTo(3);
        assertThat(r.recall()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(r.recallByType()).containsExactlyInAnyOrderEntriesOf(Map.of(RUNAWAY_ALGO, 0.5, FAT_FINGER, 0.0));
        // One normal sample, no false alert.
        assertThat(r.falseAlertsPerAccountHour()).isZero();
    }

    @Test
    void nothingAlertedMeansPrecisionOneAndRecallZero() {
        BacktestResult r = Backtest.evaluate(FIRST_FEATURE, twoAccounts(), 1.5);

        assertThat(r.truePositives() + r.falsePositives()).isZero();
        assertThat(r.precision()).isEqualTo(1);
        assertThat(r.recall()).isZero();
        assertThat(r.f1()).isZero();
    }

    @Test
    void theSamplingIntervalMustBeKnown() {
        assertThatThrownBy(() -> Backtest.evaluate(FIRST_FEATURE, List.of(s("A", 0, 0.5, null)), 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleEveryMs");
    }
}
