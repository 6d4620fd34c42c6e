package io.riskgrid.ml.forecast;

import java.util.Arrays;

/**
 * An out-of-sample comparison of two variance forecasters: each forecasts every held-back day
 * {@code [trainDays, n)} of every instrument from the days before it, and each forecast {@code h} is
 * scored against the day's squared return {@code r^2}, the (noisy but unbiased) proxy for the
 * variance that was realized.
 *
 * <h2>Losses</h2>
 * <ul>
 *   <li><b>MSE</b>, {@code (r^2 - h)^2}.</li>
 *   <li><b>QLIKE</b> (Patton 2011), {@code r^2/h - log(r^2/h) - 1}, with {@code r^2} floored at
 *       {@value #MIN_SQUARED_RETURN} so a day without a price change does not give an infinite
 *       loss. It is zero when {@code h = r^2} and penalizes under-forecasting more than
 *       over-forecasting, as a risk manager would.</li>
 * </ul>
 * Both rank forecasters correctly despite the noise in {@code r^2} (Patton 2011), and the result
 * reports both, averaged over every scored day of every instrument. The headline
 * {@link Result#forecastErrorVsBaseline()} uses <b>QLIKE</b>: MSE of squared returns is dominated by
 * the few largest days (its weight grows with the fourth power of the return), so one crash day
 * decides a comparison, while QLIKE depends only on the ratio {@code r^2/h}, weighs calm and
 * turbulent days alike, and so compares forecasters with far more power.
 * <p>
 * <b>No look-ahead.</b> Each forecaster is handed a copy of the history that ends before the day it
 * forecasts, so it cannot read the realized return it is scored against.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class ForecastEvaluation {

    /** Floor on the squared return in QLIKE (a daily move of 0.001%). */
    public static final double MIN_SQUARED_RETURN = 1e-10;

    private ForecastEvaluation() {
    }

    /**
     * The out-of-sample scores of a baseline and a learned forecaster.
     *
     * @param baselineMse              mean of {@code (r^2 - h)^2} over the scored days, baseline
     * @param learnedMse               the same for the learned forecaster
     * @param baselineQlike            mean QLIKE loss, baseline
     * @param learnedQlike             mean QLIKE loss, learned forecaster
     * @param forecastErrorVsBaseline  {@code learnedQlike / baselineQlike}: below 1 the learned model
     *                                 forecasts better than the baseline out of sample
     * @param observations             days scored, over all instruments
     */
    public record Result(double baselineMse, double learnedMse, double baselineQlike, double learnedQlike,
                         double forecastErrorVsBaseline, int observations) {
    }

    /**
     * Scores both forecasters on the days {@code [trainDays, n)} of every instrument ({@code n} its
     * history length; an instrument with no day after {@code trainDays} is skipped).
     *
     * @param returnsPerInstrument daily simple returns per instrument, oldest first
     * @param trainDays            days the learned model was fitted on; must leave both forecasters
     *                             enough history ({@link VolatilityForecaster#minHistory()})
     * @throws IllegalArgumentException if an argument is missing, {@code trainDays} is below either
     *                                  forecaster's minimum history, no day is left to score, or a
     *                                  forecaster returns a variance that is not positive and finite
     */
    public static Result compare(double[][] returnsPerInstrument, int trainDays, VolatilityForecaster baseline,
                                 VolatilityForecaster learned) {
        if (returnsPerInstrument == null) {
            throw new IllegalArgumentException("returnsPerInstrument is required");
        }
        if (baseline == null) {
            throw new IllegalArgumentException("baseline is required");
        }
        if (learned == null) {
            throw new IllegalArgumentException("learned is required");
        }
        int needed = Math.max(baseline.minHistory(), learned.minHistory());
        if (trainDays < needed) {
            throw new IllegalArgumentException("trainDays must be at least " + needed
                    + " so both forecasters have the history they need, was " + trainDays);
        }
        double baselineSe = 0;
        double learnedSe = 0;
        double baselineQ = 0;
        double learnedQ = 0;
        int observations = 0;
        for (int i = 0; i < returnsPerInstrument.length; i++) {
            double[] r = returnsPerInstrument[i];
            if (r == null) {
                throw new IllegalArgumentException("returnsPerInstrument[" + i + "] is required");
            }
            for (int end = trainDays; end < r.length; end++) {
                if (!Double.isFinite(r[end])) {
                    throw new IllegalArgumentException("returnsPerInstrument[" + i + "][" + end
                            + "] must be a finite number, was " + r[end]);
                }
                double[] past = Arrays.copyOf(r, end);
                double hb = checked(baseline.forecastVariance(past, end), baseline, i, end);
                double hl = checked(learned.forecastVariance(past, end), learned, i, end);
                double realized = r[end] * r[end];
                baselineSe += (realized - hb) * (realized - hb);
                learnedSe += (realized - hl) * (realized - hl);
                baselineQ += qlike(realized, hb);
                learnedQ += qlike(realized, hl);
                observations++;
            }
        }
        if (observations == 0) {
            throw new IllegalArgumentException("no instrument has a day after trainDays " + trainDays + " to score");
        }
        double bq = baselineQ / observations;
        double lq = learnedQ / observations;
        return new Result(baselineSe / observations, learnedSe / observations, bq, lq, lq / bq, observations);
    }

    /** Patton's QLIKE loss of forecast {@code h} for squared return {@code realized}, floored at {@link #MIN_SQUARED_RETURN}. */
    public static double qlike(double realized, double h) {
        double ratio = Math.max(realized, MIN_SQUARED_RETURN) / h;
        return ratio - Math.log(ratio) - 1;
    }

    private static double checked(double h, VolatilityForecaster f, int instrument, int day) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException(f.name() + " forecast a variance of " + h + " for instrument "
                    + instrument + " day " + day + "; a forecast must be positive and finite");
        }
        return h;
    }
}
