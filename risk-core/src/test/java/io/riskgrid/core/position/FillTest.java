package io.riskgrid.core.position;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FillTest {

    @Test
    void invalidFieldsAreRejectedByName() {
        assertThatThrownBy(() -> Fill.of("f", "A", "X", Side.BUY, -5, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("quantity");
        assertThatThrownBy(() -> Fill.of("f", "A", "X", Side.BUY, 5, 0, 0))
                .hasMessageStartingWith("price");
        assertThatThrownBy(() -> Fill.of(" ", "A", "X", Side.BUY, 5, 1, 0))
                .hasMessageStartingWith("fillId");
        assertThatThrownBy(() -> Fill.of("f", "A", "X", null, 5, 1, 0))
                .hasMessageStartingWith("side");
        assertThatThrownBy(() -> Fill.of("f", "A", "X", Side.SELL, Double.NaN, 1, 0))
                .hasMessageStartingWith("quantity");
    }

    @Test
    void batchRoundTripsItsFills() {
        List<Fill> fills = List.of(
                new Fill("f1", "A", "X", Side.BUY, 10, 5.5, 100, "S", "V"),
                Fill.of("f2", "B", "Y", Side.SELL, 3, 7, 200));
        List<String> problems = new ArrayList<>();
        assertThat(FillBatch.of(fills).toFills(problems)).isEqualTo(fills);
        assertThat(problems).isEmpty();
    }

    @Test
    void referenceCheckNamesUnknownAccountAndInstrument() {
        List<Fill> fills = List.of(Fill.of("f1", "A", "X", Side.BUY, 1, 1, 0), Fill.of("f2", "B", "Y", Side.BUY, 1, 1, 0));
        List<String> problems = new ArrayList<>();
        ReferenceCheck.DEFAULT.checkFills(fills, Set.of("A"), Set.of("X"), problems);
        assertThat(problems).containsExactly(
                "fills[1].accountId: unknown account 'B'",
                "fills[1].instrumentId: unknown instrument 'Y'");
    }

    @Test
    void referenceCheckNamesUnknownInstrumentOfAPrice() {
        List<String> problems = new ArrayList<>();
        ReferenceCheck.DEFAULT.checkPrices(List.of(new io.riskgrid.core.price.Price("X", 1, 0),
                new io.riskgrid.core.price.Price("Z", 1, 0)), Set.of("X"), problems);
        assertThat(problems).containsExactly("prices[1].instrumentId: unknown instrument 'Z'");
    }
}
