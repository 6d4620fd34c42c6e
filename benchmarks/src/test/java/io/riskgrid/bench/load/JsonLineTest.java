package io.riskgrid.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLineTest {

    @Test
    void writesFieldsInTheOrderTheyWerePutOnOneLine() {
        String line = JsonLine.of("alert-latency").put("targetRate", 50_000).put("sustained", true)
                .put("url", "http://127.0.0.1:8080").toString();

        assertThat(line).isEqualTo("{\"bench\":\"alert-latency\",\"targetRate\":50000,\"sustained\":true,"
                + "\"url\":\"http://127.0.0.1:8080\"}");
    }

    @Test
    void roundsDecimalsToAMicrosecondOfAMillisecondWithoutExponents() {
        String line = JsonLine.of("b").put("a", 1.23456).put("b", 2.5).put("c", 50_000.0).put("d", 0.0000004)
                .put("e", 1e-3).put("f", -0.0).toString();

        assertThat(line).isEqualTo("{\"bench\":\"b\",\"a\":1.235,\"b\":2.5,\"c\":50000,\"d\":0,\"e\":0.001,\"f\":0}");
    }

    @Test
    void writesNumbersJsonCannotHoldAsNull() {
        String line = JsonLine.of("b").put("nan", Double.NaN).put("inf", Double.POSITIVE_INFINITY).toString();

        assertThat(line).isEqualTo("{\"bench\":\"b\",\"nan\":null,\"inf\":null}");
    }

    @Test
    void escapesText() {
        assertThat(JsonLine.of("say \"hi\"\n").toString()).isEqualTo("{\"bench\":\"say \\\"hi\\\"\\n\"}");
    }

    @Test
    void writesALatencySummaryUnderAPrefix() {
        LatencySummary s = new LatencySummary(10, 1.5, 4.25, 7, 9.1234);

        assertThat(JsonLine.of("b").put("", s).toString())
                .isEqualTo("{\"bench\":\"b\",\"p50Ms\":1.5,\"p99Ms\":4.25,\"p999Ms\":7,\"maxMs\":9.123}");
        assertThat(JsonLine.of("b").put("batch", s).toString())
                .isEqualTo("{\"bench\":\"b\",\"batchP50Ms\":1.5,\"batchP99Ms\":4.25,\"batchP999Ms\":7,\"batchMaxMs\":9.123}");
    }

    @Test
    void aFieldAppearsOnce() {
        assertThatThrownBy(() -> JsonLine.of("b").put("bench", 1)).hasMessageContaining("already");
        assertThatThrownBy(() -> JsonLine.of("b").put(" ", 1)).hasMessageContaining("name");
    }
}
