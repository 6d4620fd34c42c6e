package io.riskgrid.ml.simulation;

import io.riskgrid.core.Guard;

import java.util.Arrays;
import java.util.Objects;

/**
 * One account's features at one moment, labelled with the incident it was in, if any: the unit
 * models are trained and backtested on.
 * <p>
 * This record is immutable and thread-safe: it keeps its own copy of the features and hands out
 * copies. Two samples are equal when their fields are, feature values compared element by element.
 *
 * @param accountId the account
 * @param ts        when the features were taken, epoch milliseconds
 * @param features  the feature vector, in {@code FeatureExtractor.NAMES} order
 * @param incident  the incident the account was in (it had an incident fill in the recent window),
 *                  or null for normal trading
 */
public record LabelledSample(String accountId, long ts, double[] features, IncidentType incident) {

    public LabelledSample {
        Guard.notBlank(accountId, "accountId");
        features = Guard.notNull(features, "features").clone();
    }

    /** A copy of the feature vector. */
    @Override
    public double[] features() {
        return features.clone();
    }

    /** Feature {@code index}, without copying the vector. */
    public double feature(int index) {
        return features[index];
    }

    /** Whether this sample is normal trading (no incident). */
    public boolean isNormal() {
        return incident == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledSample s && ts == s.ts && accountId.equals(s.accountId)
                && Arrays.equals(features, s.features) && incident == s.incident;
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, ts, Arrays.hashCode(features), incident);
    }

    @Override
    public String toString() {
        return "LabelledSample[accountId=" + accountId + ", ts=" + ts + ", features=" + Arrays.toString(features)
                + ", incident=" + incident + "]";
    }
}
