package io.riskgrid.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertLatencyBenchTest {

    @Test
    void defaultsAreTheDesignTargetsRun() {
        AlertLatencyBench.Settings s = AlertLatencyBench.Settings.parse(new String[0]);

        assertThat(s.rates()).containsExactly(10_000, 50_000);
        assertThat(s.accounts()).isEqualTo(1_000);
        assertThat(s.seconds()).isEqualTo(15);
        assertThat(s.warmupSeconds()).isEqualTo(5);
        assertThat(s.batch()).isEqualTo(100);
        assertThat(s.senders()).isEqualTo(4);
    }

    @Test
    void readsTheCommandLine() {
        AlertLatencyBench.Settings s = AlertLatencyBench.Settings.parse(new String[]{"--rates", "50000", "--accounts",
                "2000", "--seconds", "30", "--warmup", "0", "--batch", "50", "--senders", "8", "--grace", "2"});

        assertThat(s.rates()).containsExactly(50_000);
        assertThat(s.accounts()).isEqualTo(2_000);
        assertThat(s.seconds()).isEqualTo(30);
        assertThat(s.warmupSeconds()).isZero();
        assertThat(s.batch()).isEqualTo(50);
        assertThat(s.senders()).isEqualTo(8);
        assertThat(s.graceSeconds()).isEqualTo(2);
    }

    @Test
    void aBatchMustHoldDistinctAccountsOfOneSendersShare() {
        // 4 senders x 100 fills need 400 accounts, so that no account is in two batches in flight.
        assertThatThrownBy(() -> AlertLatencyBench.Settings.parse(new String[]{"--accounts", "399"}))
                .hasMessageContaining("--batch x --senders must not exceed --accounts");
        assertThat(AlertLatencyBench.Settings.parse(new String[]{"--accounts", "400"}).accounts()).isEqualTo(400);
    }

    @Test
    void reportsEveryBadArgumentTogether() {
        assertThatThrownBy(() -> AlertLatencyBench.Settings.parse(new String[]{"--rates", "0", "--seconds", "x", "--fast", "1"}))
                .hasMessageContaining("--fast").hasMessageContaining("--rates values must be at least 1")
                .hasMessageContaining("--seconds must be a whole number");
    }
}
