package io.riskgrid.core.performance;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerformanceReportTest {

    @Test
    void warningsAreCopiedAndCannotBeChanged() {
        List<String> warnings = new ArrayList<>(List.of("sharpe is undefined: it needs at least two returns"));
        PerformanceReport report = new PerformanceReport(1, 0.01, null, null, null, null, 0.0, 0.0, null, null, 0.01,
                0.01, null, null, warnings);
        warnings.clear();
        assertThat(report.warnings()).containsExactly("sharpe is undefined: it needs at least two returns");
        assertThatThrownBy(() -> report.warnings().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void negativeObservationCountIsRejected() {
        assertThatThrownBy(() -> new PerformanceReport(-1, null, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("observations must be zero or positive, was -1");
    }
}
