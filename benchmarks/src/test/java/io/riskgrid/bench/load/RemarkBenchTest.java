package io.riskgrid.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemarkBenchTest {

    @Test
    void remarksEveryAccountOfATinyBook() throws Exception {
        int accounts = 20;
        int positions = 100;
        RemarkBench.Settings s = RemarkBench.Settings.parse(new String[]{"--accounts", "20", "--positions", "100",
                "--runs", "2", "--warmup", "1", "--data-region-mb", "256"});

        JsonNode line = new ObjectMapper().readTree(RemarkBench.run(s).toString());

        assertThat(line.fieldNames()).toIterable().contains("bench", "accounts", "positions", "instruments", "runs",
                "remarkMs", "remarkMinMs", "remarkMaxMs", "taskMs", "staleAccounts", "rssMb", "heapUsedMb", "cores");
        assertThat(line.path("bench").asText()).isEqualTo("remark");
        assertThat(line.path("accounts").asInt()).isEqualTo(accounts);
        assertThat(line.path("positions").asInt()).isEqualTo(accounts * (positions / accounts));
        assertThat(line.path("instruments").asInt()).isEqualTo(50);
        assertThat(line.path("runs").asInt()).isEqualTo(2);
        assertThat(line.path("staleAccounts").asInt()).isZero();
        assertThat(line.path("remarkMs").isNumber()).isTrue();
        assertThat(line.path("remarkMs").asDouble()).isPositive();
        assertThat(line.path("remarkMaxMs").asDouble()).isGreaterThanOrEqualTo(line.path("remarkMinMs").asDouble());
        assertThat(line.path("taskMs").asDouble()).isPositive();
        assertThat(line.path("heapUsedMb").asDouble()).isPositive();
    }

    @Test
    void defaultsAreTheBriefsBook() {
        RemarkBench.Settings s = RemarkBench.Settings.parse(new String[0]);

        assertThat(s.accounts()).isEqualTo(10_000);
        assertThat(s.positions()).isEqualTo(200_000);
        assertThat(s.positionsEach()).isEqualTo(20);
        assertThat(s.runs()).isEqualTo(9);
        assertThat(s.warmup()).isEqualTo(3);
    }

    @Test
    void reportsTooFewOrTooManyPositionsAndUnknownOptions() {
        assertThatThrownBy(() -> RemarkBench.Settings.parse(new String[]{"--accounts", "20", "--positions", "19"}))
                .hasMessageContaining("--positions must be at least --accounts");
        assertThatThrownBy(() -> RemarkBench.Settings.parse(new String[]{"--accounts", "2", "--positions", "102"}))
                .hasMessageContaining("--positions / --accounts must not exceed 50");
        assertThatThrownBy(() -> RemarkBench.Settings.parse(new String[]{"--accounts", "20", "--positions", "10",
                "--fast", "1"}))
                .hasMessageContaining("unknown option --fast").hasMessageContaining("--positions must be at least --accounts");
    }
}
