package io.riskgrid.core.var;

import io.riskgrid.core.Guard;

/**
 * The argument checks shared by the VaR calculators, with the messages an API caller sees.
 * <p>
 * This class is stateless and thread-safe.
 */
final class VarInputs {

    private VarInputs() {
    }

    static double checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (exclusive), was " + confidence);
        }
        return confidence;
    }

    /** Checks the market values and that the model has one factor per position. */
    static void checkExposures(double[] marketValues, CovarianceModel model) {
        Guard.notNull(model, "model");
        checkMarketValues(marketValues);
        if (model.size() != marketValues.length) {
            throw new IllegalArgumentException("volatilities has " + model.size() + " entries but marketValues has "
                    + marketValues.length);
        }
    }

    static void checkMarketValues(double[] marketValues) {
        Guard.notNull(marketValues, "marketValues");
        if (marketValues.length == 0) {
            throw new IllegalArgumentException("marketValues must have at least one entry");
        }
        for (int i = 0; i < marketValues.length; i++) {
            Guard.finite(marketValues[i], "marketValues[" + i + "]");
        }
    }
}
