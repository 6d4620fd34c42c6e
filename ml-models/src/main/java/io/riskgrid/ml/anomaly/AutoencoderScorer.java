package io.riskgrid.ml.anomaly;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Autoencoder anomaly scorer: a small dense network learns to squeeze normal trading through a
 * narrow code and rebuild it; trading it cannot rebuild well is unlike what it learnt.
 * <p>
 * <b>Model.</b> Features are standardized ({@link FeatureStandardization}); the network is
 * {@code d -> 16 -> c -> 16 -> d} with tanh after the three hidden layers and a linear output,
 * where the code width is {@code c = min(4, d - 1)} (at least 1). Because tanh saturates, the
 * network cannot rebuild a feature far outside its training range, and because the code is
 * narrow, it cannot rebuild a combination that breaks the usual correlations.
 * <p>
 * <b>Distance.</b> With {@code e_j = zhat_j - z_j} the reconstruction error of standardized feature
 * {@code j} and {@code v_j} its mean square over the training rows, the distance is
 * {@code sum_j (e_j^2 / v_j) / d}: the mean squared reconstruction error with each feature's error
 * measured in units of its own normal error. The plain mean squared error in standardized units
 * was tried first; it is dominated by the features the narrow code leaves out, whose errors are as
 * large as the features themselves, so a 6-standard-deviation move in a feature the code does carry
 * hid in that noise (on the synthetic data 82-92% of incidents above the 99th percentile of normal
 * trading, against 92-94% with per-feature units) and more incidents were misattributed. Feature
 * {@code j}'s contribution is its share {@code e_j^2 / v_j} of the sum.
 * <p>
 * <b>Training.</b> DJL 0.35.1 on the PyTorch engine: mean squared error loss, Adam (learning rate
 * {@value #LEARNING_RATE}), {@value #EPOCHS} epochs of mini-batches of {@value #BATCH_SIZE} (about
 * 2 s for 3,000 rows on 2 cores). Every random choice comes from one {@link SplittableRandom}
 * seeded with the caller's seed: the Xavier-uniform initial weights (written into the parameters,
 * so PyTorch's global generator is never used and other users of it cannot disturb a training) and
 * the order of rows in each epoch. PyTorch runs on one intra-op thread while training (restored
 * afterwards; trainings are serialized by a lock) so its reductions always add in the same order:
 * training twice with the same seed and rows gives bit-identical weights.
 * <p>
 * <b>Calibration</b> uses the distances of all training rows, the rows the network was fitted to.
 * A network of about 460 parameters fitted to thousands of rows barely overfits them (held-out
 * normal rows score with a median of 0.53-0.55 rather than 0.5). Holding a fifth of the rows out
 * for calibration was tried; its coarser calibration ranked incidents worse, so it was dropped.
 * <p>
 * <b>Scoring</b> runs in plain Java, in double precision, from the trained float32 weights: no
 * NDManager or native call per score. It differs from PyTorch's float32 forward pass only by
 * rounding, and the calibration distances are computed by the same Java code, so the calibration is
 * exact for the scorer as it runs. {@link StrictMath#tanh} keeps every node's score bit-identical.
 * Loading a saved scorer needs no engine at all.
 * <p>
 * This class is immutable and thread-safe.
 */
final class AutoencoderScorer implements AnomalyScorer {

    static final int HIDDEN_UNITS = 16;
    static final int MAX_CODE_UNITS = 4;
    static final int EPOCHS = 40;
    static final int BATCH_SIZE = 64;
    static final float LEARNING_RATE = 0.003f;

    /** Floor of a feature's error variance, in squared standard deviations, against division by zero. */
    static final double MIN_ERROR_VARIANCE = 1e-4;

    private static final int FORMAT_VERSION = 1;
    private static final Object TRAINING_LOCK = new Object();

    private final FeatureStandardization standardization;
    /** Layer sizes, input first: {@code d, 16, c, 16, d}. */
    private final int[] sizes;
    /** Per layer, the trained float32 weights row-major as {@code [out][in]} (PyTorch's layout). */
    private final float[][] weights;
    private final float[][] biases;
    /** Per feature, the mean squared reconstruction error of the training rows (floored). */
    private final double[] errorVariances;
    private final DistanceCalibration calibration;

    private AutoencoderScorer(FeatureStandardization standardization, int[] sizes, float[][] weights,
            float[][] biases, double[] errorVariances, DistanceCalibration calibration) {
        this.standardization = standardization;
        this.sizes = sizes;
        this.weights = weights;
        this.biases = biases;
        this.errorVariances = errorVariances;
        this.calibration = calibration;
    }

    static int[] layerSizes(int dimension) {
        int code = Math.max(1, Math.min(MAX_CODE_UNITS, dimension - 1));
        return new int[] {dimension, HIDDEN_UNITS, code, HIDDEN_UNITS, dimension};
    }

    /** Trains on checked rows (see {@link AnomalyScorers#train}). */
    static AutoencoderScorer train(double[][] normal, long seed) {
        int n = normal.length;
        int d = normal[0].length;
        FeatureStandardization standardization = FeatureStandardization.fit(normal);
        SplittableRandom random = new SplittableRandom(seed);
        float[] fit = new float[n * d];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            standardization.standardize(normal[i], z);
            for (int j = 0; j < d; j++) {
                fit[i * d + j] = (float) z[j];
            }
        }
        int[] sizes = layerSizes(d);
        float[][] weights = new float[sizes.length - 1][];
        float[][] biases = new float[sizes.length - 1][];
        fitNetwork(fit, n, sizes, random, weights, biases);
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        AutoencoderScorer unscaled = new AutoencoderScorer(standardization, sizes, weights, biases, ones, null);
        double[] errorVariances = new double[d];
        for (double[] row : normal) {
            double[] error = unscaled.reconstructionError(row);
            for (int j = 0; j < d; j++) {
                errorVariances[j] += error[j] * error[j] / n;
            }
        }
        for (int j = 0; j < d; j++) {
            errorVariances[j] = Math.max(errorVariances[j], MIN_ERROR_VARIANCE);
        }
        AutoencoderScorer uncalibrated = new AutoencoderScorer(standardization, sizes, weights, biases, errorVariances, null);
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            distances[i] = uncalibrated.distance(normal[i]);
        }
        return new AutoencoderScorer(standardization, sizes, weights, biases, errorVariances,
                DistanceCalibration.of(distances));
    }

    private static void fitNetwork(float[] rows, int n, int[] sizes, SplittableRandom random,
            float[][] weightsOut, float[][] biasesOut) {
        int d = sizes[0];
        synchronized (TRAINING_LOCK) {
            Engine engine = Engine.getEngine("PyTorch");
            int previousThreads = JniUtils.getNumThreads();
            JniUtils.setNumThreads(1);
            try (Model model = Model.newInstance("riskgrid-anomaly-autoencoder", Device.cpu(), engine.getEngineName())) {
                SequentialBlock network = new SequentialBlock();
                List<Linear> layers = new ArrayList<>();
                for (int l = 1; l < sizes.length; l++) {
                    Linear layer = Linear.builder().setUnits(sizes[l]).build();
                    layers.add(layer);
                    network.add(layer);
                    if (l < sizes.length - 1) {
                        network.add(Activation::tanh);
                    }
                }
                model.setBlock(network);
                DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                        .optDevices(new Device[] {Device.cpu()})
                        .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build());
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(BATCH_SIZE, d));
                    for (int l = 0; l < layers.size(); l++) {
                        setXavierUniform(layers.get(l), sizes[l], sizes[l + 1], random);
                    }
                    runEpochs(trainer, rows, n, d, random);
                    for (int l = 0; l < layers.size(); l++) {
                        weightsOut[l] = layers.get(l).getParameters().get("weight").getArray().toFloatArray();
                        biasesOut[l] = layers.get(l).getParameters().get("bias").getArray().toFloatArray();
                    }
                }
            } finally {
                JniUtils.setNumThreads(previousThreads);
            }
        }
    }

    /** Glorot/Xavier uniform weights from the seeded stream, zero biases. */
    private static void setXavierUniform(Linear layer, int in, int out, SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (in + out));
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
        Parameter weight = layer.getParameters().get("weight");
        weight.getArray().set(w);
        layer.getParameters().get("bias").getArray().set(new float[out]);
    }

    private static void runEpochs(Trainer trainer, float[] rows, int n, int d, SplittableRandom random) {
        int[] order = identity(n);
        float[] batch = new float[BATCH_SIZE * d];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += BATCH_SIZE) {
                int size = Math.min(BATCH_SIZE, n - start);
                for (int b = 0; b < size; b++) {
                    System.arraycopy(rows, order[start + b] * d, batch, b * d, d);
                }
                float[] data = size == BATCH_SIZE ? batch : java.util.Arrays.copyOf(batch, size * d);
                // Every array of a step lives in a sub-manager closed at the end of the step.
                try (NDManager step = trainer.getManager().newSubManager()) {
                    NDArray x = step.create(data, new Shape(size, d));
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray reconstruction = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray loss = reconstruction.sub(x).square().mean();
                        collector.backward(loss);
                    }
                    trainer.step();
                }
            }
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher-Yates shuffle from the seeded stream. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    @Override
    public ScorerKind kind() {
        return ScorerKind.AUTOENCODER;
    }

    @Override
    public int dimension() {
        return sizes[0];
    }

    @Override
    public double score(double[] features) {
        FeatureVectors.checkVector(features, dimension());
        return calibration.score(distance(features));
    }

    /** Mean squared reconstruction error in standardized units. */
    double distance(double[] features) {
        double[] error = reconstructionError(features);
        double sum = 0;
        for (int j = 0; j < error.length; j++) {
            sum += error[j] * error[j] / errorVariances[j];
        }
        return sum / error.length;
    }

    @Override
    public double[] contributions(double[] features) {
        FeatureVectors.checkVector(features, dimension());
        double[] error = reconstructionError(features);
        if (!allFinite(error)) {
            // Only a vector so extreme that standardizing it overflowed gets here. The network's
            // output is bounded, so in that limit the error is minus the standardized vector,
            // whose infinite entries take all the share.
            error = new double[error.length];
            standardization.standardize(features, error);
        } else {
            for (int j = 0; j < error.length; j++) {
                error[j] /= Math.sqrt(errorVariances[j]);
            }
        }
        Contributions.rescaleForSquaring(error);
        for (int j = 0; j < error.length; j++) {
            error[j] *= error[j];
        }
        return Contributions.normalize(error);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** {@code zhat - z}, from the network evaluated in Java. */
    private double[] reconstructionError(double[] features) {
        int d = dimension();
        double[] z = new double[d];
        standardization.standardize(features, z);
        double[] activation = z;
        for (int l = 0; l < weights.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            float[] w = weights[l];
            float[] b = biases[l];
            double[] next = new double[out];
            boolean hidden = l < weights.length - 1;
            for (int o = 0; o < out; o++) {
                double sum = b[o];
                int row = o * in;
                for (int i = 0; i < in; i++) {
                    sum += w[row + i] * activation[i];
                }
                next[o] = hidden ? StrictMath.tanh(sum) : sum;
            }
            activation = next;
        }
        for (int j = 0; j < d; j++) {
            activation[j] -= z[j];
        }
        return activation;
    }

    @Override
    public byte[] save() {
        return ModelBytes.write(ScorerKind.AUTOENCODER, FORMAT_VERSION, out -> {
            out.writeInt(dimension());
            standardization.writeTo(out);
            out.writeInt(sizes.length);
            for (int size : sizes) {
                out.writeInt(size);
            }
            for (int l = 0; l < weights.length; l++) {
                for (float w : weights[l]) {
                    out.writeFloat(w);
                }
                for (float b : biases[l]) {
                    out.writeFloat(b);
                }
            }
            ModelBytes.writeDoubles(out, errorVariances);
            calibration.writeTo(out);
        });
    }

    /**
     * Reads what {@link #save} wrote; needs no deep-learning engine.
     *
     * @throws IllegalArgumentException if the bytes are not an autoencoder scorer
     */
    static AutoencoderScorer load(byte[] bytes) {
        return ModelBytes.read(ScorerKind.AUTOENCODER, FORMAT_VERSION, bytes, AutoencoderScorer::readBody);
    }

    private static AutoencoderScorer readBody(DataInputStream in) throws IOException {
        int d = in.readInt();
        if (d <= 0 || d > 10_000) {
            throw new IllegalArgumentException("autoencoder dimension " + d + " is not plausible");
        }
        FeatureStandardization standardization = FeatureStandardization.readFrom(in, d);
        int layerCount = in.readInt();
        int[] expected = layerSizes(d);
        if (layerCount != expected.length) {
            throw new IllegalArgumentException("autoencoder has " + layerCount + " layer sizes, expected " + expected.length);
        }
        int[] sizes = new int[layerCount];
        for (int l = 0; l < layerCount; l++) {
            sizes[l] = in.readInt();
            if (sizes[l] != expected[l]) {
                throw new IllegalArgumentException("autoencoder layer " + l + " has " + sizes[l]
                        + " units, expected " + expected[l]);
            }
        }
        float[][] weights = new float[layerCount - 1][];
        float[][] biases = new float[layerCount - 1][];
        for (int l = 0; l < layerCount - 1; l++) {
            weights[l] = readFiniteFloats(in, sizes[l] * sizes[l + 1], "autoencoder weight[" + l + "]");
            biases[l] = readFiniteFloats(in, sizes[l + 1], "autoencoder bias[" + l + "]");
        }
        double[] errorVariances = ModelBytes.readFiniteDoubles(in, d, "autoencoder error variance");
        for (int j = 0; j < d; j++) {
            if (!(errorVariances[j] > 0)) {
                throw new IllegalArgumentException("autoencoder error variance[" + j + "] is not positive");
            }
        }
        DistanceCalibration calibration = DistanceCalibration.readFrom(in);
        return new AutoencoderScorer(standardization, sizes, weights, biases, errorVariances, calibration);
    }

    private static float[] readFiniteFloats(DataInputStream in, int count, String what) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is not finite");
            }
        }
        return values;
    }
}
