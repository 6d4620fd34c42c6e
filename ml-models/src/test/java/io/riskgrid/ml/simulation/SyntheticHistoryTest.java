package io.riskgrid.ml.simulation;

import io.riskgrid.ml.feature.FeatureExtractor;
import io.riskgrid.ml.feature.FeatureWindows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The synthetic history is reproducible, and its incidents stand out from its normal trading. */
class SyntheticHistoryTest {

    private static List<LabelledSample> history;

    @BeforeAll
    static void generateTheDefaultHistoryOnce() {
        history = SyntheticHistory.generate(SyntheticHistory.Settings.DEFAULT);
    }

    @Test
    void theSameSettingsGiveTheSameSamples() {
        SyntheticHistory.Settings small = SyntheticHistory.Settings.DEFAULT.withAccounts(5).withMinutes(20, 3);

        List<LabelledSample> first = SyntheticHistory.generate(small);
        List<LabelledSample> second = SyntheticHistory.generate(small);

        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(SyntheticHistory.generate(small.withSeed(2))).isNotEqualTo(first);
    }

    @Test
    void everyAccountIsSampledEveryTenSecondsAfterTheWarmUp() {
        // 60 minutes, first sample one lookback (16 min) after the start, then every 10 s while the
        // history runs: the last tick is at 60 min - 250 ms, so samples at 16:00, 16:10, ..., 59:50 = 264 per account.
        List<LabelledSample> calm = SyntheticHistory.generate(SyntheticHistory.Settings.DEFAULT.withMinutes(60, 0));
        assertThat(calm).hasSize(20 * 264);
        assertThat(calm.get(0).ts()).isEqualTo(SyntheticHistory.START_MS + 960_000);
        // With incidents, each one's aftermath (its fills still in the baseline window) is left out.
        assertThat(history.size()).isLessThan(20 * 264);
        assertThat(history).allSatisfy(s -> assertThat(Arrays.stream(s.features()).allMatch(Double::isFinite)).isTrue());
        assertThat(history).allSatisfy(s -> assertThat(s.features()).hasSize(FeatureExtractor.NAMES.size()));
    }

    @Test
    void everyIncidentTypeHasSamples() {
        for (IncidentType type : IncidentType.values()) {
            assertThat(history).filteredOn(s -> s.incident() == type).isNotEmpty();
        }
        double[][] normal = SyntheticHistory.normalFeatures(history);
        assertThat(normal.length).isEqualTo(history.stream().filter(LabelledSample::isNormal).count());
    }

    @Test
    void eachIncidentTypeMovesItsKeyFeatureFarOutsideNormalTrading() {
        assertFarAboveNormal(IncidentType.RUNAWAY_ALGO, FeatureExtractor.FILL_RATE);
        assertFarAboveNormal(IncidentType.FAT_FINGER, FeatureExtractor.ORDER_SIZE);
        assertFarAboveNormal(IncidentType.CONCENTRATION_BUILDUP, FeatureExtractor.INSTRUMENT_FOCUS);
    }

    /**
     * "Far above": the incident samples' mean lies beyond the normal samples' 99th percentile by at
     * least the distance from the normal median to that percentile.
     */
    private static void assertFarAboveNormal(IncidentType type, int feature) {
        double[] normal = history.stream().filter(LabelledSample::isNormal).mapToDouble(s -> s.feature(feature))
                .sorted().toArray();
        double p99 = normal[(int) Math.ceil(0.99 * normal.length) - 1];
        double median = normal[normal.length / 2];
        double incidentMean = history.stream().filter(s -> s.incident() == type).mapToDouble(s -> s.feature(feature))
                .average().orElseThrow();

        assertThat(incidentMean)
                .as("%s mean %s vs normal median %s and 99th percentile %s", FeatureExtractor.NAMES.get(feature),
                        type, median, p99)
                .isGreaterThan(p99 + (p99 - median));
    }

    @Test
    void settingsReportEveryProblemTogether() {
        assertThatThrownBy(() -> new SyntheticHistory.Settings(1, 0, 60, -1, 10, 50, FeatureWindows.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accounts must be between 1 and 100")
                .hasMessageContaining("incidents must be zero or positive")
                .hasMessageContaining("sampleEveryMs must be at least one tick");
        assertThatThrownBy(() -> SyntheticHistory.Settings.DEFAULT.withMinutes(16, 1))
                .hasMessageContaining("minutes must leave room for incidents");
        assertThatThrownBy(() -> SyntheticHistory.generate(SyntheticHistory.Settings.DEFAULT.withAccounts(1)))
                .hasMessageContaining("cannot place 30 incidents");
    }
}
