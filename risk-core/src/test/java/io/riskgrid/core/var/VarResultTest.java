package io.riskgrid.core.var;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The VaR result record: immutable despite its array, compared by value. */
class VarResultTest {

    @Test
    void componentsCannotBeChangedThroughTheRecord() {
        double[] components = {60, 40};
        VarResult r = new VarResult(VarMethod.HISTORICAL, 0.99, 1, 100, 120, components, 250);
        components[0] = 0;
        r.componentVar()[1] = 0;

        assertThat(r.componentVar()).containsExactly(60, 40);
        assertThat(r.componentVar(1)).isEqualTo(40);
    }

    @Test
    void resultsWithEqualFiguresAreEqual() {
        VarResult a = new VarResult(VarMethod.MONTE_CARLO, 0.99, 10, 100, 120, new double[]{60, 40}, 1_000);
        VarResult b = new VarResult(VarMethod.MONTE_CARLO, 0.99, 10, 100, 120, new double[]{60, 40}, 1_000);
        VarResult c = new VarResult(VarMethod.MONTE_CARLO, 0.99, 10, 100, 120, new double[]{60, 41}, 1_000);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a.toString()).contains("componentVar=[60.0, 40.0]");
    }

    @Test
    void rejectsAnImpossibleResult() {
        assertThatThrownBy(() -> new VarResult(VarMethod.PARAMETRIC, 1.5, 1, 1, 1, new double[0], 0))
                .hasMessage("confidence must be between 0 and 1 (exclusive), was 1.5");
        assertThatThrownBy(() -> new VarResult(VarMethod.PARAMETRIC, 0.99, 1, Double.NaN, 1, new double[0], 0))
                .hasMessage("var must be a finite number, was NaN");
        assertThatThrownBy(() -> new VarResult(null, 0.99, 1, 1, 1, new double[0], 0))
                .hasMessage("method is required");
        assertThatThrownBy(() -> new VarResult(VarMethod.HISTORICAL, 0.99, 1, 1, 1, new double[0], -1))
                .hasMessage("scenarios must be zero or positive, was -1");
    }
}
