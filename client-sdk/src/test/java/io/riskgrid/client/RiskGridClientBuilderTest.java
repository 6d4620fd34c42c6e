package io.riskgrid.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builder's and the settings' argument checks; no grid is involved. */
class RiskGridClientBuilderTest {

    @Test
    void defaultsAreThirtySecondsAndBatchesOfAThousand() {
        ClientSettings s = RiskGridClient.builder().addresses("127.0.0.1:10800").settings();
        assertThat(s.addresses()).containsExactly("127.0.0.1:10800");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.batchSize()).isEqualTo(1000);
        assertThat(ClientSettings.of("127.0.0.1:10800")).isEqualTo(s);
    }

    @Test
    void acceptsHostsPortsAndPortRanges() {
        ClientSettings s = RiskGridClient.builder()
                .addresses("localhost", "10.0.0.7:10800", "grid-0.riskgrid:10800..10809", "[::1]:10800")
                .timeout(Duration.ofMillis(250))
                .batchSize(1)
                .settings();
        assertThat(s.addresses()).hasSize(4);
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.batchSize()).isEqualTo(1);
    }

    @Test
    void noAddressIsRejected() {
        assertThatThrownBy(() -> RiskGridClient.builder().settings())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addresses must name at least one");
        assertThatThrownBy(() -> RiskGridClient.builder().addresses((String[]) null).settings())
                .hasMessageContaining("addresses must name at least one");
        assertThatThrownBy(() -> RiskGridClient.connect())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addresses must name at least one");
    }

    @Test
    void blankOrNullAddressIsNamedByIndex() {
        assertThatThrownBy(() -> RiskGridClient.builder().addresses("127.0.0.1:10800", " ").settings())
                .hasMessageContaining("addresses[1] is required");
        assertThatThrownBy(() -> RiskGridClient.builder().addresses("127.0.0.1:10800", null).settings())
                .hasMessageContaining("addresses[1] is required");
    }

    @Test
    void malformedAddressOrPortIsRejected() {
        assertThatThrownBy(() -> RiskGridClient.builder().addresses("127.0.0.1:port").settings())
                .hasMessageContaining("addresses[0] must be host, host:port or host:port..port, was '127.0.0.1:port'");
        assertThatThrownBy(() -> RiskGridClient.builder().addresses("127.0.0.1:70000").settings())
                .hasMessageContaining("addresses[0] port must be in 1..65535");
        assertThatThrownBy(() -> RiskGridClient.builder().addresses("127.0.0.1:0").settings())
                .hasMessageContaining("addresses[0] port must be in 1..65535");
        assertThatThrownBy(() -> RiskGridClient.builder().addresses("127.0.0.1:10809..10800").settings())
                .hasMessageContaining("port range must not end before it starts");
        assertThatThrownBy(() -> RiskGridClient.builder().addresses("host name:10800").settings())
                .hasMessageContaining("addresses[0] must be host");
    }

    @Test
    void timeoutMustBePositive() {
        RiskGridClient.Builder b = RiskGridClient.builder().addresses("127.0.0.1:10800");
        assertThatThrownBy(() -> b.timeout(null).settings()).hasMessageContaining("timeout is required");
        assertThatThrownBy(() -> b.timeout(Duration.ZERO).settings()).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> b.timeout(Duration.ofSeconds(-1)).settings()).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> b.timeout(Duration.ofDays(30)).settings()).hasMessageContaining("timeout must be at most");
    }

    @Test
    void batchSizeMustBeBetweenOneAndTheMaximum() {
        RiskGridClient.Builder b = RiskGridClient.builder().addresses("127.0.0.1:10800");
        assertThatThrownBy(() -> b.batchSize(0).settings())
                .hasMessageContaining("batchSize must be between 1 and 100000, was 0");
        assertThatThrownBy(() -> b.batchSize(-5).settings()).hasMessageContaining("was -5");
        assertThatThrownBy(() -> b.batchSize(100_001).settings()).hasMessageContaining("was 100001");
        assertThat(b.batchSize(100_000).settings().batchSize()).isEqualTo(100_000);
    }

    @Test
    void everyProblemIsReportedTogether() {
        assertThatThrownBy(() -> RiskGridClient.builder().timeout(Duration.ZERO).batchSize(0).settings())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addresses must name at least one")
                .hasMessageContaining("timeout must be positive")
                .hasMessageContaining("batchSize must be between");
    }

    @Test
    void settingsAreACopyOfTheAddresses() {
        String[] addresses = {"127.0.0.1:10800"};
        RiskGridClient.Builder b = RiskGridClient.builder().addresses(addresses);
        addresses[0] = "changed:1";
        assertThat(b.settings().addresses()).containsExactly("127.0.0.1:10800");
        assertThatThrownBy(() -> b.settings().addresses().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void connectWithoutSettingsIsRejected() {
        assertThatThrownBy(() -> RiskGridClient.connect((ClientSettings) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("settings is required");
    }

    @Test
    void problemsOfALaterBatchAreIndexedInTheCallersList() {
        List<String> problems = List.of("fills[1].instrumentId: unknown instrument 'X'", "prices[0].price must be a positive number, was 0.0",
                "fill batch is malformed: its columns differ in length");
        assertThat(RiskGridClient.reindex(problems, 2000)).containsExactly(
                "fills[2001].instrumentId: unknown instrument 'X'", "prices[2000].price must be a positive number, was 0.0",
                "fill batch is malformed: its columns differ in length");
        assertThat(RiskGridClient.reindex(problems, 0)).isEqualTo(problems);
    }
}
