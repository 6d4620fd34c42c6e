package io.riskgrid.ml.anomaly;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.riskgrid.ml.backtest.Backtest;
import io.riskgrid.ml.backtest.BacktestResult;
import io.riskgrid.ml.simulation.IncidentType;
import io.riskgrid.ml.simulation.LabelledSample;
import io.riskgrid.ml.training.Training;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link AnomalyScorer} must do, whatever its model. A subclass names the
 * {@link ScorerKind}; the data comes from {@link #data()}, the one place to plug in the trading
 * simulator's labelled incidents instead of the synthetic rows.
 * <p>
 * The scorer under test is trained once per class (training the autoencoder takes seconds).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnomalyScorerContract {

    /** Rows of normal trading to train on, more normal rows the model never saw, and labelled incidents. */
    record Dataset(double[][] training, double[][] heldOutNormal, List<Incident> incidents) {
    }

    /** An incident's features and the features it was displaced in (several when it breaks a correlation). */
    record Incident(double[] features, int[] displacedFeatures, String description) {
    }

    protected static final long SEED = 20_240_611L;

    private Dataset data;
    private AnomalyScorer scorer;

    protected abstract ScorerKind kind();

    /** The rows the contract runs on; override to use the simulator's labelled incidents. */
    protected Dataset data() {
        return SyntheticTradingData.generate(7L);
    }

    @BeforeAll
    void trainOnce() {
        data = data();
        scorer = AnomalyScorers.train(kind(), data.training(), SEED);
    }

    @Test
    void reportsItsKindAndDimension() {
        assertThat(scorer.kind()).isEqualTo(kind());
        assertThat(scorer.dimension()).isEqualTo(data.training()[0].length);
    }

    @Test
    void incidentsScoreAboveNormalTrading() {
        double[] normal = scores(data.heldOutNormal());
        Arrays.sort(normal);
        double p99 = normal[(int) Math.ceil(0.99 * normal.length) - 1];
        double sum = 0;
        int above = 0;
        List<String> missed = new ArrayList<>();
        for (Incident incident : data.incidents()) {
            double s = scorer.score(incident.features());
            sum += s;
            // A score of 1 is beyond every normal training row, the strongest statement a scorer makes.
            if (s > p99 || s == 1.0) {
                above++;
            } else {
                missed.add(incident.description() + " scored " + s);
            }
        }
        int n = data.incidents().size();
        assertThat(sum / n).as("mean incident score").isGreaterThan(0.95);
        assertThat((double) above / n).as("share of incidents above the held-out 99th percentile %s; missed %s",
                p99, missed).isGreaterThanOrEqualTo(0.9);
    }

    /**
     * The simulator's own incidents, injected into the demo desk's order flow ({@link Training}'s
     * training and held-back histories, as the TRAIN job uses them): at the 99th percentile of the
     * held-back normal samples' scores, the model must catch nine in ten runaway algos and fat fingers
     * and eight in ten concentration build-ups (an incident is caught when any of its samples alerts),
     * and on average score every incident type's samples above the normal samples.
     */
    @Test
    void incidentsInjectedByTheSimulatorScoreAboveNormalTrading() {
        AnomalyScorer desk = AnomalyScorers.train(kind(), Training.trainingData(SEED), SEED);
        List<LabelledSample> heldBack = Training.heldBack(SEED);
        double[] normal = heldBack.stream().filter(LabelledSample::isNormal).mapToDouble(x -> desk.score(x.features()))
                .sorted().toArray();
        double p99 = normal[(int) Math.ceil(0.99 * normal.length) - 1];
        double normalMean = Arrays.stream(normal).average().orElseThrow();
        BacktestResult r = Backtest.evaluate(desk, heldBack, Math.nextUp(p99));
        for (IncidentType type : IncidentType.values()) {
            double mean = heldBack.stream().filter(x -> x.incident() == type).mapToDouble(x -> desk.score(x.features()))
                    .average().orElseThrow();
            assertThat(mean).as("mean score of %s samples", type).isGreaterThan(normalMean);
        }
        assertThat(r.recallByType().get(IncidentType.RUNAWAY_ALGO)).as("runaway algos caught").isGreaterThanOrEqualTo(0.9);
        assertThat(r.recallByType().get(IncidentType.FAT_FINGER)).as("fat fingers caught").isGreaterThanOrEqualTo(0.9);
        assertThat(r.recallByType().get(IncidentType.CONCENTRATION_BUILDUP)).as("build-ups caught").isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void heldOutNormalScoresAreRoughlyUniformAsTheCalibrationPromises() {
        // If a score is the fraction of normal rows closer than this one, new normal rows score
        // uniformly on [0, 1]: median near 0.5, about 1% at 0.99 or more.
        double[] normal = scores(data.heldOutNormal());
        Arrays.sort(normal);
        assertThat(normal[normal.length / 2]).as("median held-out normal score").isBetween(0.3, 0.7);
        long atLeast99 = Arrays.stream(normal).filter(s -> s >= 0.99).count();
        assertThat((double) atLeast99 / normal.length).as("share of held-out normal scores >= 0.99").isLessThan(0.05);
    }

    @Test
    void scoresStayInTheUnitIntervalForTrainingRowsAndExtremeInputs() {
        for (double[] row : allRows()) {
            assertThat(scorer.score(row)).isBetween(0.0, 1.0);
        }
        for (double[] row : extremeRows()) {
            assertThat(scorer.score(row)).as(Arrays.toString(row)).isBetween(0.0, 1.0);
        }
        double[] allHigh = new double[scorer.dimension()];
        Arrays.fill(allHigh, 1e6);
        assertThat(scorer.score(allHigh)).as("every feature at 1e6").isEqualTo(1.0);
    }

    @Test
    void savedAndReloadedScorerScoresEveryRowBitIdentically() {
        byte[] bytes = scorer.save();
        AnomalyScorer loaded = AnomalyScorers.load(kind(), bytes);
        assertThat(loaded.kind()).isEqualTo(kind());
        assertThat(loaded.dimension()).isEqualTo(scorer.dimension());
        for (double[] row : allRowsWithExtremes()) {
            assertEquals(scorer.score(row), loaded.score(row));
            assertArrayEquals(scorer.contributions(row), loaded.contributions(row));
        }
        assertArrayEquals(bytes, loaded.save(), "saving a loaded scorer gives the same bytes");
    }

    @Test
    void trainingTwiceWithTheSameSeedAndRowsGivesIdenticalScores() {
        AnomalyScorer again = AnomalyScorers.train(kind(), data.training(), SEED);
        for (double[] row : allRowsWithExtremes()) {
            assertEquals(scorer.score(row), again.score(row));
        }
        assertArrayEquals(scorer.save(), again.save());
    }

    @Test
    void contributionsAreNonNegativeSharesAddingUpToOne() {
        for (double[] row : allRowsWithExtremes()) {
            double[] shares = scorer.contributions(row);
            assertThat(shares).hasSize(scorer.dimension());
            double sum = 0;
            for (double share : shares) {
                assertThat(share).as(Arrays.toString(row)).isGreaterThanOrEqualTo(0.0);
                sum += share;
            }
            assertThat(sum).as(Arrays.toString(row)).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void featureDisplacedAloneLeadsTheContributions() {
        // A displaced feature that is correlated with others also pulls their expected values, so
        // a partner can occasionally edge ahead; it must never push the displaced feature out of
        // the top two, and must rarely (under 5%) take first place.
        List<String> notFirst = new ArrayList<>();
        List<String> notInTopTwo = new ArrayList<>();
        int checked = 0;
        for (Incident incident : data.incidents()) {
            if (incident.displacedFeatures().length != 1) {
                continue;
            }
            checked++;
            int expected = incident.displacedFeatures()[0];
            double[] shares = scorer.contributions(incident.features());
            int rank = 0;
            for (double share : shares) {
                if (share > shares[expected]) {
                    rank++;
                }
            }
            if (rank > 0) {
                notFirst.add(incident.description() + " " + Arrays.toString(shares));
            }
            if (rank > 1) {
                notInTopTwo.add(incident.description() + " " + Arrays.toString(shares));
            }
        }
        assertThat(checked).isPositive();
        assertThat(notInTopTwo).as("incidents whose displaced feature was not among the two largest contributors").isEmpty();
        assertThat((double) notFirst.size() / checked).as("share of incidents whose displaced feature was not first: %s",
                notFirst).isLessThan(0.05);
    }

    @Test
    void concurrentScoringGivesTheSameScoresAsSequential() throws Exception {
        double[][] rows = data.heldOutNormal();
        double[] sequential = scores(rows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> scores(rows)));
            }
            for (Future<double[]> result : results) {
                assertArrayEquals(sequential, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scoreAndContributionsRejectAVectorOfTheWrongLength() {
        double[] tooShort = new double[scorer.dimension() - 1];
        assertThatThrownBy(() -> scorer.score(tooShort)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length " + (scorer.dimension() - 1))
                .hasMessageContaining("expected " + scorer.dimension());
        assertThatThrownBy(() -> scorer.contributions(tooShort)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> scorer.score(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("features");
    }

    @Test
    void scoreAndContributionsRejectNaNAndInfiniteFeatures() {
        double[] withNaN = data.heldOutNormal()[0].clone();
        withNaN[2] = Double.NaN;
        assertThatThrownBy(() -> scorer.score(withNaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("features[2]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> scorer.contributions(withNaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        double[] withInfinity = data.heldOutNormal()[0].clone();
        withInfinity[1] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> scorer.score(withInfinity)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("features[1]").hasMessageContaining("infinite");
    }

    @Test
    void trainingRejectsTooFewRowsRaggedRowsAndNonFiniteValues() {
        double[][] rows = data.training();
        assertThatThrownBy(() -> AnomalyScorers.train(kind(), Arrays.copyOf(rows, 10), SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 rows");
        double[][] ragged = Arrays.copyOf(rows, 100);
        ragged[17] = Arrays.copyOf(rows[17], rows[17].length - 1);
        assertThatThrownBy(() -> AnomalyScorers.train(kind(), ragged, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normal[17] has length");
        double[][] withNaN = Arrays.copyOf(rows, 100);
        withNaN[42] = rows[42].clone();
        withNaN[42][3] = Double.NaN;
        assertThatThrownBy(() -> AnomalyScorers.train(kind(), withNaN, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normal[42][3] is NaN");
        assertThatThrownBy(() -> AnomalyScorers.train(kind(), null, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normal");
    }

    @Test
    void loadRejectsGarbageTruncatedAndOtherKindsBytes() {
        byte[] good = scorer.save();
        assertThatThrownBy(() -> AnomalyScorers.load(kind(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnomalyScorers.load(kind(), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnomalyScorers.load(kind(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnomalyScorers.load(kind(), Arrays.copyOf(good, good.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnomalyScorers.load(kind(), Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
        ScorerKind other = kind() == ScorerKind.PCA ? ScorerKind.AUTOENCODER : ScorerKind.PCA;
        // A small training set is enough to get bytes of the other kind.
        byte[] otherBytes = AnomalyScorers.train(other, Arrays.copyOf(data.training(), 200), SEED).save();
        assertThatThrownBy(() -> AnomalyScorers.load(kind(), otherBytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(other.name());
    }

    protected final AnomalyScorer scorer() {
        return scorer;
    }

    private double[] scores(double[][] rows) {
        double[] s = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            s[i] = scorer.score(rows[i]);
        }
        return s;
    }

    private List<double[]> allRows() {
        List<double[]> rows = new ArrayList<>(Arrays.asList(data.training()));
        rows.addAll(Arrays.asList(data.heldOutNormal()));
        for (Incident incident : data.incidents()) {
            rows.add(incident.features());
        }
        return rows;
    }

    private List<double[]> allRowsWithExtremes() {
        List<double[]> rows = allRows();
        rows.addAll(extremeRows());
        return rows;
    }

    /** Extreme but finite vectors: all features, or one, at +-1e6, +-1e300 and +-Double.MAX_VALUE. */
    private List<double[]> extremeRows() {
        int d = scorer.dimension();
        List<double[]> rows = new ArrayList<>();
        for (double v : new double[] {1e6, -1e6, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE}) {
            double[] all = new double[d];
            Arrays.fill(all, v);
            rows.add(all);
            double[] one = data.heldOutNormal()[0].clone();
            one[d / 2] = v;
            rows.add(one);
        }
        return rows;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        return best;
    }
}
