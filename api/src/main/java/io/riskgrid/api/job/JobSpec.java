package io.riskgrid.api.job;

import io.riskgrid.core.stress.StressRequest;
import io.riskgrid.core.var.VarRequest;

/** A checked job request: what the grid will run. */
sealed interface JobSpec {

    /** VAR, STRESS or SCENARIO. */
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
}
