package io.riskgrid.ml.anomaly;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The autoencoder scorer against the shared contract, plus what is specific to it. */
class AutoencoderScorerTest extends AnomalyScorerContract {

    @Override
    protected ScorerKind kind() {
        return ScorerKind.AUTOENCODER;
    }

    @Test
    void networkNarrowsToACodeOfAtMostFourUnits() {
        assertThat(AutoencoderScorer.layerSizes(9)).containsExactly(9, 16, 4, 16, 9);
        assertThat(AutoencoderScorer.layerSizes(3)).containsExactly(3, 16, 2, 16, 3);
        assertThat(AutoencoderScorer.layerSizes(1)).containsExactly(1, 16, 1, 16, 1);
    }

    @Test
    void aDifferentSeedTrainsADifferentNetwork() {
        double[][] rows = Arrays.copyOf(SyntheticTradingData.generate(3L).training(), 300);
        byte[] first = AnomalyScorers.train(ScorerKind.AUTOENCODER, rows, 1L).save();
        byte[] second = AnomalyScorers.train(ScorerKind.AUTOENCODER, rows, 2L).save();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void trainingRestoresPyTorchsThreadCount() {
        Engine.getEngine("PyTorch");
        int before = JniUtils.getNumThreads();
        AnomalyScorers.train(ScorerKind.AUTOENCODER, Arrays.copyOf(SyntheticTradingData.generate(3L).training(), 100), 1L);
        assertThat(JniUtils.getNumThreads()).isEqualTo(before);
    }
}
