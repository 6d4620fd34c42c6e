package io.riskgrid.client;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.compute.ingest.PriceIngestTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK names the grid's ingest tasks by string, so that it need not depend on compute-tasks; this
 * test (with compute-tasks on the test classpath only) keeps the names in step.
 */
class IngestTaskNamesTest {

    @Test
    void sdkTaskNamesAreTheGridsTaskNames() {
        assertThat(RiskGridClient.FILL_INGEST_TASK).isEqualTo(FillIngestTask.NAME);
        assertThat(RiskGridClient.PRICE_INGEST_TASK).isEqualTo(PriceIngestTask.NAME);
        assertThat(RiskGridClient.PRE_TRADE_CHECK_TASK).isEqualTo(io.riskgrid.compute.pretrade.PreTradeCheckTask.NAME);
    }
}
