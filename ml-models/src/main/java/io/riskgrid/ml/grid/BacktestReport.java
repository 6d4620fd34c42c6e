package io.riskgrid.ml.grid;

import java.util.LinkedHashMap;

/**
 * A backtest of one anomaly model on held-back labelled synthetic history, and of the learned
 * volatility forecast against its EWMA baseline on the held-back days of the grid's return history.
 * <p>
 * {@code precision}: of the samples that would have alerted, the share taken during an incident;
 * {@code recall}: of the injected incidents, the share that raised at least one alert;
 * {@code forecastErrorVsBaseline}: the learned forecast's out-of-sample QLIKE loss over the EWMA
 * baseline's (below 1: the learned model forecasts better); null when the grid holds too little
 * return history to fit and score it. A plain carrier; Jackson writes its public fields.
 */
public final class BacktestReport {

    public String modelVersion;
    public String modelKind;
    public long seed;
    public double threshold;
    public double precision;
    public double recall;
    public double f1;
    public int truePositives;
    public int falsePositives;
    public int incidents;
    public int incidentsCaught;
    public int normalSamples;
    public double falseAlertsPerAccountHour;
    public LinkedHashMap<String, Double> recallByIncident;
    public Double forecastErrorVsBaseline;
    public ForecastReport forecast;

    /** The volatility forecast's backtest. */
    public static final class ForecastReport {
        public String baseline;
        public String learned;
        public String loss;
        public int trainDays;
        public int observations;
        public double baselineQlike;
        public double learnedQlike;
        public double baselineMse;
        public double learnedMse;
    }
}
