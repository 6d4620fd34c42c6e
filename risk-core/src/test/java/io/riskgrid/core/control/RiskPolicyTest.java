package io.riskgrid.core.control;

import io.riskgrid.core.alert.AlertPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The firm-wide policy records: circuit breakers, the trip they report and the policy that holds them. */
class RiskPolicyTest {

    @Test
    void defaultBreakersAreTheDocumentedValues() {
        CircuitBreakers b = CircuitBreakers.DEFAULT;
        assertThat(b.totalLossFraction()).isEqualTo(0.05);
        assertThat(b.rapidLossFraction()).isEqualTo(0.02);
        assertThat(b.rapidLossWindowMs()).isEqualTo(60_000L);
        assertThat(b.criticalAlertCount()).isEqualTo(10);
        assertThat(b.criticalAlertWindowMs()).isEqualTo(60_000L);
    }

    @Test
    void breakerFractionsOutsideZeroToOneAreRejectedByName() {
        for (double f : new double[]{0, -0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new CircuitBreakers(f, 0.02, 60_000, 10, 60_000))
                    .as("totalLossFraction %s", f)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("totalLossFraction must be in (0, 1], was " + f);
            assertThatThrownBy(() -> new CircuitBreakers(0.05, f, 60_000, 10, 60_000))
                    .as("rapidLossFraction %s", f)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rapidLossFraction must be in (0, 1], was " + f);
        }
    }

    @Test
    void wholeEquityFractionIsAccepted() {
        CircuitBreakers b = new CircuitBreakers(1, 1, 1, 1, 1);
        assertThat(b.totalLossFraction()).isEqualTo(1);
        assertThat(b.rapidLossFraction()).isEqualTo(1);
    }

    @Test
    void nonPositiveWindowsAndCountAreRejectedByName() {
        assertThatThrownBy(() -> new CircuitBreakers(0.05, 0.02, 0, 10, 60_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rapidLossWindowMs must be positive, was 0");
        assertThatThrownBy(() -> new CircuitBreakers(0.05, 0.02, 60_000, 0, 60_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("criticalAlertCount must be positive, was 0");
        assertThatThrownBy(() -> new CircuitBreakers(0.05, 0.02, 60_000, 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("criticalAlertWindowMs must be positive, was 0");
        assertThatThrownBy(() -> new CircuitBreakers(0.05, 0.02, 60_000, 10, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("criticalAlertWindowMs must be positive, was -1");
    }

    @Test
    void tripDescribesItselfForTheAuditLog() {
        BreakerTrip trip = new BreakerTrip(BreakerTrip.RAPID_LOSS, 20_500, 20_000);
        assertThat(trip.describe()).isEqualTo("RAPID_LOSS breaker tripped: 20500.0 reached 20000.0");
    }

    @Test
    void defaultPolicyIsMadeOfTheDefaults() {
        assertThat(RiskPolicy.DEFAULT.alerts()).isSameAs(AlertPolicy.DEFAULT);
        assertThat(RiskPolicy.DEFAULT.drawdown()).isSameAs(DrawdownTiers.DEFAULT);
        assertThat(RiskPolicy.DEFAULT.breakers()).isSameAs(CircuitBreakers.DEFAULT);
    }

    @Test
    void policyRejectsMissingPartsByName() {
        assertThatThrownBy(() -> new RiskPolicy(null, DrawdownTiers.DEFAULT, CircuitBreakers.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alerts is required");
        assertThatThrownBy(() -> new RiskPolicy(AlertPolicy.DEFAULT, null, CircuitBreakers.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("drawdown is required");
        assertThatThrownBy(() -> new RiskPolicy(AlertPolicy.DEFAULT, DrawdownTiers.DEFAULT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("breakers is required");
    }

    @Test
    void policiesWithEqualPartsAreEqual() {
        // Policies are records and compare by value: one tier moved makes a different policy.
        RiskPolicy a = new RiskPolicy(AlertPolicy.DEFAULT, new DrawdownTiers(0.05, 0.10, 0.15, 0.5), CircuitBreakers.DEFAULT);
        assertThat(a).isEqualTo(RiskPolicy.DEFAULT);
        RiskPolicy b = new RiskPolicy(AlertPolicy.DEFAULT, new DrawdownTiers(0.04, 0.10, 0.15, 0.5), CircuitBreakers.DEFAULT);
        assertThat(b).isNotEqualTo(RiskPolicy.DEFAULT);
    }
}
