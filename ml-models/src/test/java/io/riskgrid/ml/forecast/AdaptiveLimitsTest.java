package io.riskgrid.ml.forecast;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The adaptive-limit rule: 1 up to the trigger, trigger / ratio above it, rounded, floored. */
class AdaptiveLimitsTest {

    private static final AdaptiveLimitPolicy DEFAULT = AdaptiveLimitPolicy.DEFAULT;

    @Test
    void belowAndAtTheTriggerTheLimitIsUnchanged() {
        assertThat(AdaptiveLimits.factor(0.5, 1.0, DEFAULT)).isEqualTo(1.0);
        assertThat(AdaptiveLimits.factor(1.0, 1.0, DEFAULT)).isEqualTo(1.0);
        // Exactly 1.25 times the long run (both exact in binary).
        assertThat(AdaptiveLimits.factor(0.078125, 0.0625, DEFAULT)).isEqualTo(1.0);
    }

    @Test
    void aboveTheTriggerTheLimitShrinksInProportionToTheExcess() {
        // ratio 1.6: 1.25 / 1.6 = 0.78125, rounded 0.78.
        assertThat(AdaptiveLimits.factor(0.016, 0.01, DEFAULT)).isEqualTo(0.78);
        // ratio 2: 1.25 / 2 = 0.625, rounded half up to 0.63.
        assertThat(AdaptiveLimits.factor(2.0, 1.0, DEFAULT)).isEqualTo(0.63);
        // Just above the trigger: 1.25 / 1.2501 = 0.99992, rounds to 1.00 (the rule is continuous there).
        assertThat(AdaptiveLimits.factor(1.2501, 1.0, DEFAULT)).isEqualTo(1.0);
        // ratio 1.3: 1.25 / 1.3 = 0.9615, rounded 0.96.
        assertThat(AdaptiveLimits.factor(1.3, 1.0, DEFAULT)).isEqualTo(0.96);
    }

    @Test
    void theFactorNeverFallsBelowTheFloor() {
        // ratio 2.6: 1.25 / 2.6 = 0.48 < 0.5.
        assertThat(AdaptiveLimits.factor(2.6, 1.0, DEFAULT)).isEqualTo(0.5);
        assertThat(AdaptiveLimits.factor(100, 1.0, DEFAULT)).isEqualTo(0.5);
        AdaptiveLimitPolicy lowFloor = new AdaptiveLimitPolicy(1.25, 0.2, Set.of("GROSS_NOTIONAL"));
        // ratio 5: 1.25 / 5 = 0.25, above a floor of 0.2.
        assertThat(AdaptiveLimits.factor(5, 1.0, lowFloor)).isEqualTo(0.25);
    }

    @Test
    void theFactorFallsAsTheForecastRises() {
        double previous = 1.0;
        for (int i = 0; i <= 400; i++) {
            double f = AdaptiveLimits.factor(1.0 + i * 0.01, 1.0, DEFAULT);
            assertThat(f).isLessThanOrEqualTo(previous).isBetween(0.5, 1.0);
            previous = f;
        }
    }

    @Test
    void badInputsLeaveTheLimitAsConfigured() {
        assertThat(AdaptiveLimits.factor(Double.NaN, 1.0, DEFAULT)).isEqualTo(1.0);
        assertThat(AdaptiveLimits.factor(Double.POSITIVE_INFINITY, 1.0, DEFAULT)).isEqualTo(1.0);
        assertThat(AdaptiveLimits.factor(-0.02, 0.01, DEFAULT)).isEqualTo(1.0);
        assertThat(AdaptiveLimits.factor(0.02, 0, DEFAULT)).isEqualTo(1.0);
        assertThat(AdaptiveLimits.factor(0.02, -0.01, DEFAULT)).isEqualTo(1.0);
        assertThat(AdaptiveLimits.factor(0.02, Double.NaN, DEFAULT)).isEqualTo(1.0);
        assertThat(AdaptiveLimits.factor(0.02, Double.POSITIVE_INFINITY, DEFAULT)).isEqualTo(1.0);
        assertThatThrownBy(() -> AdaptiveLimits.factor(0.02, 0.01, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyEnabledMetricsAdapt() {
        assertThat(AdaptiveLimits.factor("VAR_99", 2.0, 1.0, DEFAULT)).isEqualTo(0.63);
        assertThat(AdaptiveLimits.factor("GROSS_NOTIONAL", 2.0, 1.0, DEFAULT)).isEqualTo(0.63);
        assertThat(AdaptiveLimits.factor("NET_NOTIONAL", 2.0, 1.0, DEFAULT)).isEqualTo(1.0);
        assertThat(AdaptiveLimits.factor(null, 2.0, 1.0, DEFAULT)).isEqualTo(1.0);
    }

    @Test
    void adaptedMaxScalesTheConfiguredLimit() {
        // 1,000,000 * 0.78 = 780,000.
        assertThat(AdaptiveLimits.adaptedMax(1_000_000, 0.78)).isCloseTo(780_000, within(1e-6));
        assertThat(AdaptiveLimits.adaptedMax(1_000_000, 1.0)).isEqualTo(1_000_000);
        assertThatThrownBy(() -> AdaptiveLimits.adaptedMax(1_000_000, 0)).hasMessageContaining("factor");
        assertThatThrownBy(() -> AdaptiveLimits.adaptedMax(1_000_000, 1.5)).hasMessageContaining("factor");
        assertThatThrownBy(() -> AdaptiveLimits.adaptedMax(-1, 0.5)).hasMessageContaining("configuredMax");
    }

    @Test
    void policyDefaultsAndValidation() {
        assertThat(DEFAULT.triggerRatio()).isEqualTo(1.25);
        assertThat(DEFAULT.floor()).isEqualTo(0.5);
        assertThat(DEFAULT.enabledMetrics()).containsExactlyInAnyOrder("GROSS_NOTIONAL", "VAR_99");
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(0.9, 0.5, Set.of())).hasMessageContaining("triggerRatio");
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(1.25, 0, Set.of())).hasMessageContaining("floor");
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(1.25, 1.5, Set.of())).hasMessageContaining("floor");
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(1.25, 0.5, Set.of("GROSS"))).hasMessageContaining("GROSS");
        assertThatThrownBy(() -> new AdaptiveLimitPolicy(1.25, 0.5, null)).hasMessageContaining("enabledMetrics");
    }
}
