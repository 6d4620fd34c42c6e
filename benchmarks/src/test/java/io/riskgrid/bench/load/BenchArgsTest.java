package io.riskgrid.bench.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchArgsTest {

    private static final Set<String> KNOWN = Set.of("rates", "accounts", "url");

    @Test
    void readsSpaceAndEqualsForms() {
        BenchArgs a = BenchArgs.parse(new String[]{"--rates", "10000,50000", "--accounts=250", "--url", "http://h:1"}, KNOWN);

        assertThat(a.intList("rates", List.of(1), 1)).containsExactly(10_000, 50_000);
        assertThat(a.intAtLeast("accounts", 1_000, 1)).isEqualTo(250);
        assertThat(a.text("url", "x")).isEqualTo("http://h:1");
        a.validate();
    }

    @Test
    void absentOptionsTakeTheirDefaults() {
        BenchArgs a = BenchArgs.parse(new String[0], KNOWN);

        assertThat(a.intList("rates", List.of(10_000, 50_000), 1)).containsExactly(10_000, 50_000);
        assertThat(a.intAtLeast("accounts", 1_000, 1)).isEqualTo(1_000);
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void underscoresSeparateDigitsAsInJava() {
        BenchArgs a = BenchArgs.parse(new String[]{"--rates", "10_000, 50_000"}, KNOWN);

        assertThat(a.intList("rates", List.of(), 1)).containsExactly(10_000, 50_000);
    }

    @Test
    void everyProblemIsReportedTogether() {
        BenchArgs a = BenchArgs.parse(new String[]{"--rate", "5", "--accounts", "0", "--rates", "10,x", "stray", "--url"}, KNOWN);
        a.intAtLeast("accounts", 1_000, 1);
        a.intList("rates", List.of(), 1);

        assertThat(a.problems()).containsExactly(
                "unknown option --rate (known: --accounts, --rates, --url)",
                "unexpected argument 'stray': options are --name value",
                "--url needs a value",
                "--accounts must be at least 1, was 0",
                "--rates must be a whole number, was 'x'");
        assertThatThrownBy(a::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--rate ").hasMessageContaining("--accounts must be at least 1");
    }

    @Test
    void anOptionGivenTwiceIsAProblem() {
        BenchArgs a = BenchArgs.parse(new String[]{"--accounts", "1", "--accounts=2"}, KNOWN);

        assertThat(a.problems()).containsExactly("--accounts is given more than once");
    }

    @Test
    void aValueThatLooksLikeAnOptionIsNotTaken() {
        BenchArgs a = BenchArgs.parse(new String[]{"--accounts", "--rates", "5"}, KNOWN);

        assertThat(a.problems()).containsExactly("--accounts needs a value");
        assertThat(a.intList("rates", List.of(), 1)).containsExactly(5);
    }
}
