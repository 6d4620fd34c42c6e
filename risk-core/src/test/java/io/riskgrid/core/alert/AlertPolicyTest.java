package io.riskgrid.core.alert;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a limit's utilization moves a breach through severities. Unless a test says otherwise the
 * policy is the default: thresholds LOW 0.50, MEDIUM 0.75, HIGH 0.90, CRITICAL 1.00, hysteresis
 * 0.05, and the warn level is 0.8.
 */
class AlertPolicyTest {

    private static final AlertPolicy POLICY = AlertPolicy.DEFAULT;
    private static final double WARN_AT = 0.8;

    @Test
    void defaultsAreTheDocumentedValues() {
        assertThat(POLICY.thresholds()).isEqualTo(new SeverityThresholds(0.50, 0.75, 0.90, 1.00));
        assertThat(POLICY.hysteresis()).isEqualTo(0.05);
        // 5 minutes = 5 * 60 * 1000 ms; 1 minute = 60 * 1000 ms.
        assertThat(POLICY.highEscalationMs()).isEqualTo(300_000L);
        assertThat(POLICY.criticalEscalationMs()).isEqualTo(60_000L);
    }

    // ---- opening -------------------------------------------------------------------------------

    @Test
    void breachOpensExactlyAtTheWarnLevel() {
        // 0.8 is in the MEDIUM band [0.75, 0.90).
        assertThat(POLICY.next(null, 0.8, WARN_AT)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void noBreachJustBelowTheWarnLevel() {
        assertThat(POLICY.next(null, 0.7999, WARN_AT)).isNull();
        // 0.78 is already in the MEDIUM band, but below the limit's own warn level nothing opens.
        assertThat(POLICY.next(null, 0.78, WARN_AT)).isNull();
    }

    @Test
    void openingSeverityFollowsTheThresholds() {
        // 0.95 in [0.90, 1.00) -> HIGH; 1.2 >= 1.00 -> CRITICAL.
        assertThat(POLICY.next(null, 0.95, WARN_AT)).isEqualTo(Severity.HIGH);
        assertThat(POLICY.next(null, 1.2, WARN_AT)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void breachOpenedBelowTheLowThresholdIsAtLeastLow() {
        // warnAt 0.3 < LOW threshold 0.5: 0.35 has no severity band of its own, yet a breach is open.
        assertThat(POLICY.next(null, 0.35, 0.3)).isEqualTo(Severity.LOW);
        assertThat(POLICY.next(null, 0.29, 0.3)).isNull();
    }

    // ---- rising --------------------------------------------------------------------------------

    @Test
    void severityRisesAsSoonAsAHigherThresholdIsReached() {
        assertThat(POLICY.next(Severity.MEDIUM, 0.90, WARN_AT)).isEqualTo(Severity.HIGH);
        assertThat(POLICY.next(Severity.HIGH, 1.00, WARN_AT)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void severityCanSkipLevelsOnTheWayUp() {
        // From MEDIUM straight to 1.3 >= 1.00 -> CRITICAL, not one step to HIGH.
        assertThat(POLICY.next(Severity.MEDIUM, 1.3, WARN_AT)).isEqualTo(Severity.CRITICAL);
        // An opened LOW (warnAt 0.3) jumps to HIGH at 0.92.
        assertThat(POLICY.next(Severity.LOW, 0.92, 0.3)).isEqualTo(Severity.HIGH);
    }

    // ---- falling -------------------------------------------------------------------------------

    @Test
    void severityRisesAtOnceButFallsOnlyPastHysteresis() {
        Severity s = POLICY.next(Severity.MEDIUM, 0.91, WARN_AT);
        assertThat(s).isEqualTo(Severity.HIGH);
        // HIGH begins at 0.90; it holds while utilization >= 0.90 - 0.05 = 0.85.
        assertThat(POLICY.next(s, 0.89, WARN_AT)).isEqualTo(Severity.HIGH);
        assertThat(POLICY.next(s, 0.86, WARN_AT)).isEqualTo(Severity.HIGH);
        // 0.84 < 0.85: more than five points below HIGH's threshold, so it steps down to MEDIUM.
        assertThat(POLICY.next(s, 0.84, WARN_AT)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void exactlyHysteresisBelowTheThresholdDoesNotStepDown() {
        // 0.85 is exactly 0.05 below 0.90, not "more than" 0.05 below.
        assertThat(POLICY.next(Severity.HIGH, 0.85, WARN_AT)).isEqualTo(Severity.HIGH);
        // CRITICAL begins at 1.00; 0.95 is exactly 0.05 below it.
        assertThat(POLICY.next(Severity.CRITICAL, 0.95, WARN_AT)).isEqualTo(Severity.CRITICAL);
        assertThat(POLICY.next(Severity.CRITICAL, 0.9499, WARN_AT)).isEqualTo(Severity.HIGH);
    }

    @Test
    void stepDownStopsAtTheLevelUtilizationIsStillWithinHysteresisOf() {
        // From CRITICAL at 0.87: 0.87 < 1.00 - 0.05, so it falls. 0.87 is in the MEDIUM band, but it is
        // within 0.05 of HIGH's 0.90 (0.87 + 0.05 = 0.92 >= 0.90), so it stops at HIGH.
        assertThat(POLICY.next(Severity.CRITICAL, 0.87, WARN_AT)).isEqualTo(Severity.HIGH);
    }

    @Test
    void largeFallDropsSeveralLevelsAtOnce() {
        // From CRITICAL at 0.80: 0.80 + 0.05 = 0.85 is in [0.75, 0.90) -> MEDIUM, two levels down.
        assertThat(POLICY.next(Severity.CRITICAL, 0.80, WARN_AT)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void mediumStepsDownToLowOnlyPastHysteresis() {
        // warnAt 0.6 keeps the breach open down to 0.6 - 0.05 = 0.55.
        // MEDIUM begins at 0.75; it holds down to 0.75 - 0.05 = 0.70.
        assertThat(POLICY.next(Severity.MEDIUM, 0.70, 0.6)).isEqualTo(Severity.MEDIUM);
        // 0.69 < 0.70: 0.69 + 0.05 = 0.74 is in [0.50, 0.75) -> LOW.
        assertThat(POLICY.next(Severity.MEDIUM, 0.69, 0.6)).isEqualTo(Severity.LOW);
    }

    @Test
    void lowBreachBelowTheLowThresholdStaysLowUntilResolved() {
        // warnAt 0.3: the breach stays open down to 0.3 - 0.05 = 0.25, and never has less than LOW.
        assertThat(POLICY.next(Severity.LOW, 0.26, 0.3)).isEqualTo(Severity.LOW);
        assertThat(POLICY.next(Severity.LOW, 0.25, 0.3)).isEqualTo(Severity.LOW);
        assertThat(POLICY.next(Severity.LOW, 0.24, 0.3)).isNull();
    }

    @Test
    void fallingUtilizationNeverRaisesSeverityEvenWithNarrowBands() {
        // HIGH [0.90, 0.92) is narrower than the 0.05 hysteresis. From HIGH, 0.89 is only 0.01 below HIGH's
        // threshold (not more than 0.05), so it holds HIGH; it must not be pushed up to CRITICAL by adding the
        // margin (0.89 + 0.05 = 0.94 >= 0.92).
        AlertPolicy narrow = new AlertPolicy(new SeverityThresholds(0.50, 0.75, 0.90, 0.92), 0.05, 300_000, 60_000);
        assertThat(narrow.next(Severity.HIGH, 0.89, WARN_AT)).isEqualTo(Severity.HIGH);
        // 0.84 is more than 0.05 below 0.90: 0.84 + 0.05 = 0.89 is in [0.75, 0.90) -> MEDIUM.
        assertThat(narrow.next(Severity.HIGH, 0.84, WARN_AT)).isEqualTo(Severity.MEDIUM);
    }

    // ---- resolving -----------------------------------------------------------------------------

    @Test
    void breachResolvesOnlyMoreThanHysteresisBelowTheWarnLevel() {
        // Resolves below 0.8 - 0.05 = 0.75.
        assertThat(POLICY.next(Severity.MEDIUM, 0.78, WARN_AT)).isEqualTo(Severity.MEDIUM);
        assertThat(POLICY.next(Severity.MEDIUM, 0.75, WARN_AT)).isEqualTo(Severity.MEDIUM);
        assertThat(POLICY.next(Severity.MEDIUM, 0.7499, WARN_AT)).isNull();
    }

    @Test
    void breachResolvesStraightFromCriticalWhenUtilizationCollapses() {
        // 0.5 < 0.75: resolved, with no stop at any lower severity.
        assertThat(POLICY.next(Severity.CRITICAL, 0.5, WARN_AT)).isNull();
        assertThat(POLICY.next(Severity.HIGH, 0.0, WARN_AT)).isNull();
    }

    // ---- flapping ------------------------------------------------------------------------------

    @Test
    void hoveringAtWarnLevelDoesNotFlap() {
        double[] utilizations = {0.79, 0.81, 0.77, 0.80, 0.79, 0.81, 0.77, 0.80, 0.76, 0.80};
        // 0.79 < 0.8: nothing opens. 0.81 >= 0.8 opens in the MEDIUM band [0.75, 0.90). Every later value is
        // >= 0.76 >= 0.75 = warnAt - hysteresis (never resolves) and >= 0.70 = MEDIUM - hysteresis (never steps
        // down), and none reaches 0.90 (never rises): one opening, no resolution, MEDIUM throughout.
        List<Severity> path = walk(POLICY, null, WARN_AT, utilizations);

        assertThat(path.get(0)).isNull();
        assertThat(path.subList(1, path.size())).containsOnly(Severity.MEDIUM);
        assertThat(opens(path)).isEqualTo(1);
        assertThat(resolves(path)).isZero();
    }

    @Test
    void withoutHysteresisTheSameHoveringFlaps() {
        // Control for the test above: with hysteresis 0 a breach resolves as soon as utilization < 0.8.
        // 0.79 none, 0.81 open, 0.77 resolve, 0.80 open, 0.79 resolve, 0.81 open, 0.77 resolve, 0.80 open,
        // 0.76 resolve, 0.80 open: 5 openings, 4 resolutions.
        AlertPolicy noHysteresis = new AlertPolicy(SeverityThresholds.DEFAULT, 0, 300_000, 60_000);
        double[] utilizations = {0.79, 0.81, 0.77, 0.80, 0.79, 0.81, 0.77, 0.80, 0.76, 0.80};
        List<Severity> path = walk(noHysteresis, null, WARN_AT, utilizations);

        assertThat(opens(path)).isEqualTo(5);
        assertThat(resolves(path)).isEqualTo(4);
    }

    @Test
    void hoveringAtTheHighThresholdRisesOnceAndStays() {
        double[] utilizations = {0.89, 0.91, 0.88, 0.90, 0.86, 0.91, 0.87};
        // 0.89 stays MEDIUM; 0.91 >= 0.90 -> HIGH; afterwards every value >= 0.86 >= 0.85 = 0.90 - 0.05.
        List<Severity> path = walk(POLICY, Severity.MEDIUM, WARN_AT, utilizations);

        assertThat(path).containsExactly(Severity.MEDIUM, Severity.HIGH, Severity.HIGH, Severity.HIGH,
                Severity.HIGH, Severity.HIGH, Severity.HIGH);
    }

    // ---- unknown figures -----------------------------------------------------------------------

    @Test
    void unknownUtilizationKeepsTheBreachAsItWas() {
        for (Severity s : Severity.values()) {
            assertThat(POLICY.next(s, Double.NaN, WARN_AT)).as(s.name()).isEqualTo(s);
        }
    }

    @Test
    void unknownUtilizationOpensNothing() {
        assertThat(POLICY.next(null, Double.NaN, WARN_AT)).isNull();
    }

    // ---- escalation ----------------------------------------------------------------------------

    @Test
    void highEscalatesAfterFiveUnacknowledgedMinutes() {
        long since = 1_700_000_000_000L;
        // 300,000 ms after since is due; one millisecond earlier is not.
        assertThat(POLICY.escalationDue(Severity.HIGH, since, since + 299_999)).isFalse();
        assertThat(POLICY.escalationDue(Severity.HIGH, since, since + 300_000)).isTrue();
        assertThat(POLICY.escalationDue(Severity.HIGH, since, since + 900_000)).isTrue();
    }

    @Test
    void criticalEscalatesAfterOneUnacknowledgedMinute() {
        long since = 1_700_000_000_000L;
        assertThat(POLICY.escalationDue(Severity.CRITICAL, since, since + 59_999)).isFalse();
        assertThat(POLICY.escalationDue(Severity.CRITICAL, since, since + 60_000)).isTrue();
        // One minute is enough for CRITICAL but not for HIGH.
        assertThat(POLICY.escalationDue(Severity.HIGH, since, since + 60_000)).isFalse();
    }

    @Test
    void lowAndMediumNeverEscalate() {
        long since = 0;
        // A full day unacknowledged (86,400,000 ms) is far past both delays.
        assertThat(POLICY.escalationDue(Severity.LOW, since, 86_400_000L)).isFalse();
        assertThat(POLICY.escalationDue(Severity.MEDIUM, since, 86_400_000L)).isFalse();
    }

    @Test
    void escalationUsesThePolicysOwnDelays() {
        AlertPolicy fast = new AlertPolicy(SeverityThresholds.DEFAULT, 0.05, 10_000, 2_000);
        assertThat(fast.escalationDue(Severity.CRITICAL, 100, 2_099)).isFalse();
        assertThat(fast.escalationDue(Severity.CRITICAL, 100, 2_100)).isTrue();
        assertThat(fast.escalationDue(Severity.HIGH, 100, 10_099)).isFalse();
        assertThat(fast.escalationDue(Severity.HIGH, 100, 10_100)).isTrue();
    }

    // ---- validation ----------------------------------------------------------------------------

    @Test
    void hysteresisOutsideZeroToHalfIsRejected() {
        for (double h : new double[]{-0.01, 0.5, 0.75, Double.NaN}) {
            assertThatThrownBy(() -> new AlertPolicy(SeverityThresholds.DEFAULT, h, 300_000, 60_000))
                    .as("hysteresis %s", h)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hysteresis must be in [0, 0.5)")
                    .hasMessageContaining("was " + h);
        }
    }

    @Test
    void hysteresisAtTheEdgesOfItsRangeIsAccepted() {
        assertThat(new AlertPolicy(SeverityThresholds.DEFAULT, 0, 300_000, 60_000).hysteresis()).isZero();
        assertThat(new AlertPolicy(SeverityThresholds.DEFAULT, 0.49, 300_000, 60_000).hysteresis()).isEqualTo(0.49);
    }

    @Test
    void missingThresholdsAreRejected() {
        assertThatThrownBy(() -> new AlertPolicy(null, 0.05, 300_000, 60_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thresholds is required");
    }

    @Test
    void nonPositiveHighDelayIsRejected() {
        assertThatThrownBy(() -> new AlertPolicy(SeverityThresholds.DEFAULT, 0.05, 0, 60_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("highEscalationMs must be positive, was 0");
    }

    @Test
    void nonPositiveCriticalDelayIsRejected() {
        assertThatThrownBy(() -> new AlertPolicy(SeverityThresholds.DEFAULT, 0.05, 300_000, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("criticalEscalationMs must be positive")
                .hasMessageContaining("was 0");
    }

    @Test
    void criticalDelayLongerThanHighDelayIsRejected() {
        assertThatThrownBy(() -> new AlertPolicy(SeverityThresholds.DEFAULT, 0.05, 60_000, 60_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("criticalEscalationMs")
                .hasMessageContaining("no longer than highEscalationMs (60000)")
                .hasMessageContaining("was 60001");
    }

    @Test
    void criticalDelayEqualToHighDelayIsAccepted() {
        AlertPolicy p = new AlertPolicy(SeverityThresholds.DEFAULT, 0.05, 60_000, 60_000);
        assertThat(p.criticalEscalationMs()).isEqualTo(p.highEscalationMs());
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The severity after each utilization in turn, starting from {@code start}. */
    private static List<Severity> walk(AlertPolicy policy, Severity start, double warnAt, double[] utilizations) {
        List<Severity> path = new ArrayList<>();
        Severity s = start;
        for (double u : utilizations) {
            s = policy.next(s, u, warnAt);
            path.add(s);
        }
        return path;
    }

    /** Steps from no breach to an open one (the path is taken to start with no breach). */
    private static int opens(List<Severity> path) {
        int n = 0;
        Severity before = null;
        for (Severity s : path) {
            if (before == null && s != null) {
                n++;
            }
            before = s;
        }
        return n;
    }

    /** Steps from an open breach to none. */
    private static int resolves(List<Severity> path) {
        int n = 0;
        Severity before = null;
        for (Severity s : path) {
            if (before != null && s == null) {
                n++;
            }
            before = s;
        }
        return n;
    }
}
