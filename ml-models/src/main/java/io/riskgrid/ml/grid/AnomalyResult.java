package io.riskgrid.ml.grid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One account's anomaly score as the scoring on its primary node computed it: the score and the
 * threshold of the model that gave it, every feature, the features that drove the score (shares
 * of its distance from normal, largest first), and which node scored. {@code alertId} is the
 * account's open ANOMALY alert after this score, if any; {@code alertOutcome} what this score did
 * to it (RAISED, UPDATED, SEVERITY_CHANGED, RESOLVED, or null for nothing).
 * <p>
 * A plain carrier (Ignite's binary marshaller carries it between nodes; Jackson writes its public
 * fields as JSON). Not thread-safe.
 */
public final class AnomalyResult {

    public String accountId;
    public double score;
    public double threshold;
    public boolean anomalous;
    public String modelVersion;
    public String modelKind;
    public LinkedHashMap<String, Double> features;
    public LinkedHashMap<String, Double> drivers;
    public long scoredAt;
    /** Consistent id of the node that scored. */
    public String node;
    /** Whether that node was the account's primary when it scored. */
    public boolean primary;
    public String alertId;
    public String alertOutcome;

    /** The features or drivers as {@code name=value, ...} text. */
    static String text(Map<String, Double> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(k).append('=').append(String.format(java.util.Locale.ROOT, "%.4g", v));
        });
        return b.toString();
    }
}
