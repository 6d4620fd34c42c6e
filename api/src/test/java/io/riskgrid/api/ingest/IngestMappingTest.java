package io.riskgrid.api.ingest;

import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.price.Price;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IngestMappingTest {

    /** When the API took the request, in epoch milliseconds. */
    private static final long RECEIVED = 7_000L;

    @Test
    void aFillWithoutATimestampIsStampedWhenTheApiReceivedIt() {
        List<Fill> fills = IngestMapping.toFills(List.of(
                new FillRequest("f1", "ACC-A", "AAPL", "BUY", 1.0, 1.0, null, null, null),
                new FillRequest("f2", "ACC-A", "AAPL", "BUY", 1.0, 1.0, 5L, null, null)), RECEIVED);
        assertThat(fills).extracting(Fill::timestamp).containsExactly(RECEIVED, 5L);
    }


    private static FillRequest good(String id) {
        return new FillRequest(id, "ACC-A", "AAPL", "BUY", 10.0, 100.0, 5L, "MOMENTUM", "XNAS");
    }

    @Test
    void validRequestsBecomeFillsInOrder() {
        List<Fill> fills = IngestMapping.toFills(List.of(good("f1"),
                new FillRequest("f2", "ACC-B", "XOM", "sell", 3.0, 50.0, 6L, null, null)), RECEIVED);
        assertThat(fills).containsExactly(
                new Fill("f1", "ACC-A", "AAPL", Side.BUY, 10, 100, 5, "MOMENTUM", "XNAS"),
                new Fill("f2", "ACC-B", "XOM", Side.SELL, 3, 50, 6, null, null));
    }

    @Test
    void domainProblemIsPrefixedWithItsPosition() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> IngestMapping.toFills(List.of(
                good("f1"), good("f2"), new FillRequest("f3", "ACC-A", "AAPL", "BUY", -5.0, 100.0, 5L, null, null)), RECEIVED));
        assertThat(e.getMessage()).isEqualTo("fills[2].quantity must be a positive number, was -5.0");
        assertThat(e.field()).isEqualTo("fills[2].quantity");
    }

    @Test
    void everyMissingFieldAndEveryBadFillIsReported() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> IngestMapping.toFills(Arrays.asList(
                new FillRequest("f1", "ACC-A", "AAPL", null, null, 1.0, null, null, null),
                null,
                new FillRequest(" ", "ACC-A", "AAPL", "BUY", 1.0, 1.0, 1L, null, null)), RECEIVED));
        assertThat(e.problems()).extracting(InputProblem::field).containsExactly(
                "fills[0].side", "fills[0].quantity", "fills[1]", "fills[2].fillId");
        assertThat(e.getMessage()).isEqualTo("fills[0].side is required; fills[0].quantity is required; "
                + "fills[1] must be a fill object, was null; fills[2].fillId is required");
    }

    @Test
    void unknownSideIsNamed() {
        assertThatThrownBy(() -> IngestMapping.toFills(List.of(
                new FillRequest("f1", "ACC-A", "AAPL", "SHORT", 1.0, 1.0, 1L, null, null)), RECEIVED))
                .hasMessage("fills[0].side must be BUY or SELL, was 'SHORT'");
    }

    @Test
    void emptyAndOversizedBatchesAreRefused() {
        assertThatThrownBy(() -> IngestMapping.toFills(List.of(), RECEIVED)).hasMessage("fills must hold at least one fill");
        assertThatThrownBy(() -> IngestMapping.toPrices(null)).hasMessage("prices must hold at least one price");
        List<PriceRequest> tooMany = Collections.nCopies(IngestMapping.MAX_BATCH + 1, new PriceRequest("AAPL", 1.0, 1L));
        assertThatThrownBy(() -> IngestMapping.toPrices(tooMany))
                .hasMessageStartingWith("prices must hold at most 50000 entries, was 50001");
    }

    @Test
    void pricesAreCheckedLikeFills() {
        assertThat(IngestMapping.toPrices(List.of(new PriceRequest("AAPL", 101.5, 9L))))
                .containsExactly(new Price("AAPL", 101.5, 9));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> IngestMapping.toPrices(List.of(
                new PriceRequest("AAPL", 0.0, 9L), new PriceRequest(null, 1.0, 9L))));
        assertThat(e.problems()).extracting(InputProblem::field).containsExactly("prices[0].price", "prices[1].instrumentId");
    }

    @Test
    void gridRejectionNamesTheFieldOfEachProblem() {
        IngestResult rejected = IngestResult.rejected(List.of("fills[1].accountId: unknown account 'X'",
                "fills[3].instrumentId: unknown instrument 'Y'"));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> IngestMapping.toFillsAccepted(rejected));
        assertThat(e.field()).isEqualTo("fills[1].accountId");
        assertThat(e.getMessage()).isEqualTo("fills[1].accountId: unknown account 'X'; fills[3].instrumentId: unknown instrument 'Y'");

        InvalidInputException malformed = catchThrowableOfType(InvalidInputException.class, () -> IngestMapping.toFillsAccepted(
                IngestResult.rejected(List.of("fill batch is malformed: its columns differ in length"))));
        assertThat(malformed.field()).isEqualTo("fills");
    }

    @Test
    void appliedResultsBecomeAnswers() {
        assertThat(IngestMapping.toFillsAccepted(IngestResult.applied(3, 1))).isEqualTo(new FillsAccepted(3, 1));
        assertThat(IngestMapping.toPricesAccepted(IngestResult.applied(7, 0))).isEqualTo(new PricesAccepted(7));
    }
}
