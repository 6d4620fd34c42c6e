package io.riskgrid.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryBenchTest {

    @Test
    void countsTheLoadedPositions() throws Exception {
        int accounts = 100;
        int positions = 2_000;
        MemoryBench.Settings s = MemoryBench.Settings.parse(new String[]{"--positions", "2000", "--accounts", "100",
                "--data-region-mb", "256"});

        JsonNode line = new ObjectMapper().readTree(MemoryBench.run(s).toString());

        assertThat(line.fieldNames()).toIterable().contains("bench", "positions", "accounts", "rssMb", "rssIdleMb",
                "heapUsedMb", "offHeapMb", "bytesPerPosition", "maxHeapMb", "cores");
        assertThat(line.path("bench").asText()).isEqualTo("memory");
        assertThat(line.path("positions").asLong()).isEqualTo((long) accounts * (positions / accounts));
        assertThat(line.path("accounts").asInt()).isEqualTo(accounts);
        assertThat(line.path("heapUsedMb").asDouble()).isPositive();
        assertThat(line.path("maxHeapMb").asDouble()).isPositive();
    }

    @Test
    void spreadsPositionsEvenlyOverAccounts() {
        MemoryBench.Settings s = MemoryBench.Settings.parse(new String[0]);

        assertThat(s.positions()).isEqualTo(1_000_000);
        assertThat(s.accounts()).isEqualTo(50_000);
        assertThat(s.positionsEach()).isEqualTo(20);
    }

    @Test
    void reportsTooFewPositionsAndUnknownOptions() {
        assertThatThrownBy(() -> MemoryBench.Settings.parse(new String[]{"--positions", "99", "--accounts", "100"}))
                .hasMessageContaining("--positions must be at least --accounts");
        assertThatThrownBy(() -> MemoryBench.Settings.parse(new String[]{"--positions", "5100", "--accounts", "100"}))
                .hasMessageContaining("--positions / --accounts must not exceed 50");
        assertThatThrownBy(() -> MemoryBench.Settings.parse(new String[]{"--positions", "1000", "--size", "3"}))
                .hasMessageContaining("unknown option --size");
    }
}
