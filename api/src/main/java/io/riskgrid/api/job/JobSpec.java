package io.riskgrid.api.job;

import io.riskgrid.core.stress.StressRequest;
import io.riskgrid.core.var.VarRequest;

/** A checked job request: what the grid will run. */
sealed interface JobSpec {

    /** VAR, STRESS, SCENARIO, TRAIN or BACKTEST. */
    String type();

    /** A VaR of an account or of the firm. */
    record Var(VarRequest request) implements JobSpec {
        @Override
        public String type() {
            return "VAR";
        }
    }

    /** A stress test (explicit shocks) or a scenario (named, or a replay of history). */
    record Stress(String type, StressRequest request) implements JobSpec {
    }

    /** Trains an anomaly model. */
    record Train(String kind, long seed) implements JobSpec {
        @Override
        public String type() {
            return "TRAIN";
        }
    }

    /** Backtests an anomaly model (null: the current one) and the volatility forecast. */
    record Backtest(String modelVersion, long seed) implements JobSpec {
        @Override
        public String type() {
            return "BACKTEST";
        }
    }
}
