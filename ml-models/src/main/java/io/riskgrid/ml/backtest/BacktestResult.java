package io.riskgrid.ml.backtest;

import io.riskgrid.ml.simulation.IncidentType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How well an anomaly model at one alert threshold caught the incidents of a labelled history, and
 * how often it cried wolf. See {@link Backtest} for the exact definitions.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param precision                 alerted incident samples / alerted samples; 1 when nothing alerted
 * @param recall                    incidents caught / incidents; 1 when there were no incidents
 * @param truePositives             alerted samples that were in an incident
 * @param falsePositives            alerted samples of normal trading: the false alerts
 * @param falseNegatives            incidents none of whose samples alerted: the missed incidents
 * @param incidents                 incidents (episodes) in the history
 * @param normalSamples             samples of normal trading
 * @param falseAlertsPerAccountHour false alerts per hour of one account's normal trading
 * @param threshold                 the score at or above which a sample alerts
 * @param recallByType              recall of each incident type that occurred in the history
 */
public record BacktestResult(double precision, double recall, int truePositives, int falsePositives,
                             int falseNegatives, int incidents, int normalSamples, double falseAlertsPerAccountHour,
                             double threshold, Map<IncidentType, Double> recallByType) {

    public BacktestResult {
        recallByType = Collections.unmodifiableMap(recallByType.isEmpty()
                ? new EnumMap<>(IncidentType.class) : new EnumMap<>(recallByType));
    }

    /** Incidents caught: at least one of their samples alerted. */
    public int caughtIncidents() {
        return incidents - falseNegatives;
    }

    /** The harmonic mean of precision and recall, {@code 2PR / (P + R)}; 0 when both are 0. */
    public double f1() {
        double sum = precision + recall;
        return sum > 0 ? 2 * precision * recall / sum : 0;
    }
}
