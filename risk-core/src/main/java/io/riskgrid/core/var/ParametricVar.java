package io.riskgrid.core.var;

import io.riskgrid.core.Guard;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Value at risk in closed form for a linear portfolio of normally distributed factor returns
 * (the variance-covariance or delta-normal method).
 * <p>
 * With market values V and per-day covariance Sigma, the P&amp;L over h days is normal with mean 0
 * and standard deviation s = sqrt(V' Sigma V) sqrt(h). At confidence c, with z = Phi^-1(c):
 * <ul>
 *   <li>VaR = z s;</li>
 *   <li>CVaR = E[loss | loss &gt;= VaR] = s phi(z) / (1 - c), phi the standard normal density;</li>
 *   <li>component VaR_i = V_i (Sigma V)_i h / s * z, the Euler allocation V_i dVaR/dV_i: VaR is
 *       homogeneous of degree one in V, so the components add up to VaR exactly.</li>
 * </ul>
 * A portfolio with no variance (no exposure, or zero volatilities) has VaR, CVaR and every
 * component 0.
 * <p>
 * This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class ParametricVar {

    public static final ParametricVar DEFAULT = new ParametricVar();

    /** The standard normal; no random generator, as it is never sampled. */
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ParametricVar() {
    }

    /**
     * @param marketValues market value of each position, one per factor of the model, in currency
     * @param model        one-day volatilities and correlations of the factors
     * @param confidence   confidence level in (0, 1), such as 0.99
     * @param horizonDays  horizon in days, positive
     * @throws IllegalArgumentException naming the argument at fault
     */
    public VarResult compute(double[] marketValues, CovarianceModel model, double confidence, int horizonDays) {
        VarInputs.checkExposures(marketValues, model);
        VarInputs.checkConfidence(confidence);
        Guard.positive(horizonDays, "horizonDays");

        int n = marketValues.length;
        double[] sigmaV = new double[n];
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += model.volatility(i) * model.volatility(j) * model.correlation(i, j) * marketValues[j];
            }
            sigmaV[i] = sum * horizonDays;
            variance += marketValues[i] * sigmaV[i];
        }
        // V' Sigma V >= 0 for a PSD Sigma; the max only guards a rounding error below zero.
        double s = Math.sqrt(Math.max(variance, 0));
        double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
        double[] components = new double[n];
        if (s == 0) {
            return new VarResult(VarMethod.PARAMETRIC, confidence, horizonDays, 0, 0, components, 0);
        }
        for (int i = 0; i < n; i++) {
            components[i] = marketValues[i] * sigmaV[i] / s * z;
        }
        double cvar = s * STANDARD_NORMAL.density(z) / (1 - confidence);
        return new VarResult(VarMethod.PARAMETRIC, confidence, horizonDays, z * s, cvar, components, 0);
    }
}
