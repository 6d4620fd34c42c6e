package io.riskgrid.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreTradeHttpBenchTest {

    @Test
    void defaultsAreTheDesignTargetsRun() {
        PreTradeHttpBench.Settings s = PreTradeHttpBench.Settings.parse(new String[0]);

        assertThat(s.url()).isEqualTo("http://127.0.0.1:8080");
        assertThat(s.requests()).isEqualTo(20_000);
        assertThat(s.concurrency()).isEqualTo(4);
        assertThat(s.warmup()).isEqualTo(2_000);
    }

    @Test
    void dropsATrailingSlashAndRejectsOtherSchemes() {
        assertThat(PreTradeHttpBench.Settings.parse(new String[]{"--url", "http://h:9/"}).url()).isEqualTo("http://h:9");
        assertThatThrownBy(() -> PreTradeHttpBench.Settings.parse(new String[]{"--url", "h:9", "--concurrency", "0"}))
                .hasMessageContaining("--url must start with http://").hasMessageContaining("--concurrency must be at least 1");
    }

    @Test
    void ordersCoverEveryAccountWithEveryInstrument() throws IOException {
        List<byte[]> bodies = PreTradeHttpBench.orders(List.of("A1", "A2"), List.of("X", "Y", "Z"));

        ObjectMapper json = new ObjectMapper();
        Set<String> pairs = new HashSet<>();
        for (byte[] b : bodies) {
            JsonNode o = json.readTree(b);
            assertThat(o.path("side").asText()).isEqualTo("BUY");
            assertThat(o.path("quantity").asDouble()).isEqualTo(10);
            assertThat(o.path("price").asDouble()).isEqualTo(100);
            pairs.add(o.path("accountId").asText() + "/" + o.path("instrumentId").asText());
        }
        assertThat(bodies).hasSize(6);
        assertThat(pairs).containsExactlyInAnyOrder("A1/X", "A1/Y", "A1/Z", "A2/X", "A2/Y", "A2/Z");
    }
}
