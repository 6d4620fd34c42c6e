package io.riskgrid.ml.backtest;

import io.riskgrid.core.Guard;
import io.riskgrid.ml.anomaly.AnomalyScorer;
import io.riskgrid.ml.simulation.IncidentType;
import io.riskgrid.ml.simulation.LabelledSample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a labelled history through an anomaly model and counts what an alert threshold would have
 * caught and what it would have raised for nothing.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li>An <b>alert</b> is a sample whose score is at or above the threshold.</li>
 *   <li>An <b>incident</b> (episode) is one occurrence of an incident in one account: a maximal run
 *       of that account's samples, in time order, labelled with the same incident type. A normal
 *       sample, or a sample of another type, between two runs makes them two incidents.</li>
 *   <li><b>Precision</b> counts samples: alerted incident samples (true positives) over all
 *       alerted samples. When nothing alerted, no alert was wrong: precision is 1.</li>
 *   <li><b>Recall</b> counts incidents, because that is what a risk manager needs: an incident is
 *       caught when at least one of its samples alerted, and recall is caught incidents over
 *       incidents. The missed incidents are the false negatives. With no incidents, recall is 1.
 *       Recall by type is the same per incident type, for the types that occurred.</li>
 *   <li><b>False alerts per account-hour</b> = alerted normal samples / (normal samples * sampling
 *       interval in hours): how often one account's normal trading would page someone. 0 when
 *       there are no normal samples.</li>
 * </ul>
 * This class is stateless and thread-safe.
 */
public final class Backtest {

    private static final double HOUR_MS = 3_600_000;

    private Backtest() {
    }

    /**
     * The backtest of {@code scorer} over {@code samples} at {@code threshold}, taking the sampling
     * interval to be the shortest positive time between two consecutive samples of one account.
     *
     * @throws IllegalArgumentException if no account has two samples at different times
     */
    public static BacktestResult evaluate(AnomalyScorer scorer, List<LabelledSample> samples, double threshold) {
        Guard.notNull(samples, "samples");
        long interval = Long.MAX_VALUE;
        for (List<LabelledSample> account : byAccount(samples).values()) {
            for (int k = 1; k < account.size(); k++) {
                long gap = account.get(k).ts() - account.get(k - 1).ts();
                if (gap > 0) {
                    interval = Math.min(interval, gap);
                }
            }
        }
        if (interval == Long.MAX_VALUE) {
            throw new IllegalArgumentException("samples must hold two samples of one account at different times"
                    + " to infer the sampling interval; pass sampleEveryMs instead");
        }
        return evaluate(scorer, samples, threshold, interval);
    }

    /**
     * The backtest of {@code scorer} over {@code samples} at {@code threshold}, for samples taken
     * every {@code sampleEveryMs} per account.
     */
    public static BacktestResult evaluate(AnomalyScorer scorer, List<LabelledSample> samples, double threshold,
                                          long sampleEveryMs) {
        Guard.notNull(scorer, "scorer");
        Guard.notNull(samples, "samples");
        Guard.finite(threshold, "threshold");
        if (sampleEveryMs <= 0) {
            throw new IllegalArgumentException("sampleEveryMs must be positive, was " + sampleEveryMs);
        }
        int truePositives = 0;
        int falsePositives = 0;
        int normalSamples = 0;
        Map<IncidentType, int[]> episodesByType = new EnumMap<>(IncidentType.class);
        for (List<LabelledSample> account : byAccount(samples).values()) {
            IncidentType runType = null;
            boolean runCaught = false;
            for (LabelledSample sample : account) {
                boolean alert = scorer.score(sample.features()) >= threshold;
                IncidentType type = sample.incident();
                if (type != runType) {
                    close(episodesByType, runType, runCaught);
                    runType = type;
                    runCaught = false;
                }
                if (type == null) {
                    normalSamples++;
                    falsePositives += alert ? 1 : 0;
                } else {
                    truePositives += alert ? 1 : 0;
                    runCaught |= alert;
                }
            }
            close(episodesByType, runType, runCaught);
        }
        int incidents = 0;
        int caught = 0;
        Map<IncidentType, Double> recallByType = new EnumMap<>(IncidentType.class);
        for (Map.Entry<IncidentType, int[]> e : episodesByType.entrySet()) {
            int[] counts = e.getValue();
            incidents += counts[0];
            caught += counts[1];
            recallByType.put(e.getKey(), counts[1] / (double) counts[0]);
        }
        int alerts = truePositives + falsePositives;
        double precision = alerts == 0 ? 1 : truePositives / (double) alerts;
        double recall = incidents == 0 ? 1 : caught / (double) incidents;
        double normalHours = normalSamples * (double) sampleEveryMs / HOUR_MS;
        double falseAlertsPerAccountHour = normalSamples == 0 ? 0 : falsePositives / normalHours;
        return new BacktestResult(precision, recall, truePositives, falsePositives, incidents - caught, incidents,
                normalSamples, falseAlertsPerAccountHour, threshold, recallByType);
    }

    /** Counts a finished run of incident samples: [episodes, caught] per type. */
    private static void close(Map<IncidentType, int[]> episodesByType, IncidentType type, boolean caught) {
        if (type != null) {
            int[] counts = episodesByType.computeIfAbsent(type, t -> new int[2]);
            counts[0]++;
            counts[1] += caught ? 1 : 0;
        }
    }

    /** The samples of each account, in time order (stable for equal times). */
    private static Map<String, List<LabelledSample>> byAccount(List<LabelledSample> samples) {
        Map<String, List<LabelledSample>> byAccount = new LinkedHashMap<>();
        for (LabelledSample s : samples) {
            byAccount.computeIfAbsent(Guard.notNull(s, "sample").accountId(), id -> new ArrayList<>()).add(s);
        }
        for (List<LabelledSample> list : byAccount.values()) {
            list.sort(Comparator.comparingLong(LabelledSample::ts));
        }
        return byAccount;
    }
}
