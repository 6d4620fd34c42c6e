package io.riskgrid.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestBenchTest {

    /** A tiny run through each path: every fill is stored once, and the line has every figure. */
    @ParameterizedTest
    @ValueSource(strings = {"streamer", "task"})
    void storesEveryFillOfATinyRun(String path) throws Exception {
        IngestBench.Settings s = IngestBench.Settings.parse(new String[]{"--fills", "3000", "--warmup", "500",
                "--accounts", "20", "--instruments", "5", "--batch", "100", "--path", path, "--data-region-mb", "256"});

        JsonNode line = new ObjectMapper().readTree(new IngestBench(s).run().toString());

        assertThat(line.fieldNames()).toIterable().contains("bench", "path", "fills", "accounts", "instruments", "rate",
                "fillsPerSecond", "fillsStored", "positions", "latencyP50Ms", "latencyP99Ms", "latencyP999Ms",
                "latencyMaxMs", "heapUsedMb", "rssMb", "cores");
        assertThat(line.path("path").asText()).isEqualTo(path);
        // Fill ids are distinct across warm-up and measured run: 500 + 3000 stored.
        assertThat(line.path("fillsStored").asLong()).isEqualTo(3_500);
        // 3,500 random fills over 20 accounts x 5 instruments open nearly every position, never more than 100.
        assertThat(line.path("positions").asLong()).isBetween(90L, 100L);
        assertThat(line.path("fillsPerSecond").asDouble()).isPositive();
        assertThat(line.path("latencyMaxMs").asDouble()).isGreaterThanOrEqualTo(line.path("latencyP50Ms").asDouble());
    }

    @Test
    void aPacedRunKeepsItsRate() throws Exception {
        IngestBench.Settings s = IngestBench.Settings.parse(new String[]{"--fills", "1000", "--warmup", "0",
                "--accounts", "10", "--instruments", "3", "--batch", "50", "--rate", "2000", "--data-region-mb", "256"});

        JsonNode line = new ObjectMapper().readTree(new IngestBench(s).run().toString());

        assertThat(line.path("rate").asInt()).isEqualTo(2_000);
        assertThat(line.path("fillsStored").asLong()).isEqualTo(1_000);
        // Two senders at 1,000 fills/s each send 10 batches of 50, one every 50 ms: the last is due
        // 9 x 50 ms = 0.45 s after the start, so the run cannot be shorter (a check of the pacing, not of speed).
        assertThat(line.path("seconds").asDouble()).isGreaterThanOrEqualTo(0.45);
    }

    @Test
    void reportsEveryBadArgument() {
        assertThatThrownBy(() -> IngestBench.Settings.parse(new String[]{"--path", "carrier-pigeon", "--fills", "0",
                "--senders", "5", "--accounts", "4", "--turbo", "1"}))
                .hasMessageContaining("--path must be streamer or task")
                .hasMessageContaining("--fills must be at least 1")
                .hasMessageContaining("unknown option --turbo");
        assertThatThrownBy(() -> IngestBench.Settings.parse(new String[]{"--senders", "5", "--accounts", "4"}))
                .hasMessageContaining("--senders must not exceed --accounts");
    }

    @Test
    void defaultsAreAMillionFillsOverAThousandAccounts() {
        IngestBench.Settings s = IngestBench.Settings.parse(new String[0]);

        assertThat(s.fills()).isEqualTo(1_000_000);
        assertThat(s.accounts()).isEqualTo(1_000);
        assertThat(s.instruments()).isEqualTo(50);
        assertThat(s.path()).isEqualTo("streamer");
        assertThat(s.warmup()).isEqualTo(200_000);
    }
}
