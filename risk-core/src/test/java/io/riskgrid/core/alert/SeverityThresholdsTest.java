package io.riskgrid.core.alert;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Severity bands of utilization, the order of severities and the life of an alert's status. */
class SeverityThresholdsTest {

    private static final SeverityThresholds DEFAULT = SeverityThresholds.DEFAULT;

    @Test
    void defaultsAreTheDocumentedLevels() {
        assertThat(DEFAULT.low()).isEqualTo(0.50);
        assertThat(DEFAULT.medium()).isEqualTo(0.75);
        assertThat(DEFAULT.high()).isEqualTo(0.90);
        assertThat(DEFAULT.critical()).isEqualTo(1.00);
    }

    @Test
    void eachBandStartsExactlyAtItsThreshold() {
        // Bands with the defaults: [0.50, 0.75) LOW, [0.75, 0.90) MEDIUM, [0.90, 1.00) HIGH, [1.00, inf) CRITICAL.
        assertThat(DEFAULT.of(0.4999)).isNull();
        assertThat(DEFAULT.of(0.50)).isEqualTo(Severity.LOW);
        assertThat(DEFAULT.of(0.7499)).isEqualTo(Severity.LOW);
        assertThat(DEFAULT.of(0.75)).isEqualTo(Severity.MEDIUM);
        assertThat(DEFAULT.of(0.8999)).isEqualTo(Severity.MEDIUM);
        assertThat(DEFAULT.of(0.90)).isEqualTo(Severity.HIGH);
        assertThat(DEFAULT.of(0.9999)).isEqualTo(Severity.HIGH);
        assertThat(DEFAULT.of(1.00)).isEqualTo(Severity.CRITICAL);
        assertThat(DEFAULT.of(3.0)).isEqualTo(Severity.CRITICAL);
        assertThat(DEFAULT.of(Double.POSITIVE_INFINITY)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void noSeverityBelowLowForZeroNegativeOrUnknownUtilization() {
        assertThat(DEFAULT.of(0)).isNull();
        assertThat(DEFAULT.of(-0.7)).isNull();
        assertThat(DEFAULT.of(Double.NaN)).isNull();
    }

    @Test
    void customThresholdsMoveTheBands() {
        SeverityThresholds t = new SeverityThresholds(0.2, 0.4, 0.6, 0.8);
        // 0.3 is in [0.2, 0.4) -> LOW; 0.6 starts HIGH; 0.85 is past 0.8 -> CRITICAL; 0.1 < 0.2 -> none.
        assertThat(t.of(0.1)).isNull();
        assertThat(t.of(0.3)).isEqualTo(Severity.LOW);
        assertThat(t.of(0.4)).isEqualTo(Severity.MEDIUM);
        assertThat(t.of(0.6)).isEqualTo(Severity.HIGH);
        assertThat(t.of(0.85)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void thresholdNamesWhereEachSeverityBegins() {
        SeverityThresholds t = new SeverityThresholds(0.2, 0.4, 0.6, 0.8);
        assertThat(t.threshold(Severity.LOW)).isEqualTo(0.2);
        assertThat(t.threshold(Severity.MEDIUM)).isEqualTo(0.4);
        assertThat(t.threshold(Severity.HIGH)).isEqualTo(0.6);
        assertThat(t.threshold(Severity.CRITICAL)).isEqualTo(0.8);
    }

    @Test
    void thresholdsThatDoNotRiseStrictlyAreRejected() {
        assertThatThrownBy(() -> new SeverityThresholds(0.5, 0.5, 0.9, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thresholds must rise strictly from low to critical");
        assertThatThrownBy(() -> new SeverityThresholds(0.5, 0.75, 0.95, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thresholds must rise strictly");
        assertThatThrownBy(() -> new SeverityThresholds(0.5, 0.4, 0.9, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thresholds must rise strictly");
        assertThatThrownBy(() -> new SeverityThresholds(0.5, Double.NaN, 0.9, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thresholds must rise strictly");
    }

    @Test
    void nonPositiveLowOrInfiniteCriticalIsRejected() {
        assertThatThrownBy(() -> new SeverityThresholds(0, 0.75, 0.9, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thresholds must be positive finite")
                .hasMessageContaining("low=0.0");
        assertThatThrownBy(() -> new SeverityThresholds(-0.1, 0.75, 0.9, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low=-0.1");
        assertThatThrownBy(() -> new SeverityThresholds(0.5, 0.75, 0.9, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critical=Infinity");
        assertThatThrownBy(() -> new SeverityThresholds(Double.NaN, 0.75, 0.9, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low=NaN");
    }

    @Test
    void severitiesAreOrderedFromLowToCritical() {
        assertThat(Severity.MEDIUM.above(Severity.LOW)).isTrue();
        assertThat(Severity.HIGH.above(Severity.MEDIUM)).isTrue();
        assertThat(Severity.CRITICAL.above(Severity.HIGH)).isTrue();
        assertThat(Severity.CRITICAL.above(Severity.LOW)).isTrue();
        assertThat(Severity.LOW.above(Severity.MEDIUM)).isFalse();
        assertThat(Severity.HIGH.above(Severity.CRITICAL)).isFalse();
    }

    @Test
    void aSeverityIsNotAboveItself() {
        for (Severity s : Severity.values()) {
            assertThat(s.above(s)).as(s.name()).isFalse();
        }
    }

    @Test
    void everySeverityIsAboveNoBreach() {
        for (Severity s : Severity.values()) {
            assertThat(s.above(null)).as(s.name()).isTrue();
        }
    }

    @Test
    void onlyResolvedAlertsAreClosed() {
        assertThat(AlertStatus.ACTIVE.isOpen()).isTrue();
        assertThat(AlertStatus.ACKNOWLEDGED.isOpen()).isTrue();
        assertThat(AlertStatus.ESCALATED.isOpen()).isTrue();
        assertThat(AlertStatus.RESOLVED.isOpen()).isFalse();
    }
}
