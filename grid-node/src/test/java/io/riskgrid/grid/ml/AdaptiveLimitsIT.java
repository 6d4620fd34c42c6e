package io.riskgrid.grid.ml;

import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.position.Side;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.testing.Desk;
import io.riskgrid.grid.testing.LocalGridCluster;
import io.riskgrid.ml.forecast.AdaptiveLimitPolicy;
import io.riskgrid.ml.grid.ForecastTask;
import io.riskgrid.ml.grid.PredictiveRisk;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.ScanQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Adaptive limits on a grid: one account, long 1,000 of one instrument at 100 (market value
 * 100,000), a GROSS_NOTIONAL limit of 500,000 and a POSITION_QTY limit (not adaptive).
 * <p>
 * Calm history (daily returns alternating +-1%) gives a forecast near the long-run volatility:
 * no change. After a volatility spike (the last 30 days alternate +-6%) the forecast is far above
 * the long run, so the GROSS limit is tightened to {@code factor x 500,000} with the factor
 * {@code max(0.5, round(1.25 x longRun / forecast, 2))}, audited as LIMIT_ADAPTED by the system;
 * the POSITION_QTY limit is untouched. Calm history again restores the configured 500,000.
 */
class AdaptiveLimitsIT {

    private static final String ACCOUNT = "AD-1";
    private static LocalGridCluster cluster;
    private static Ignite node;
    private static ReferenceDataWriter writer;

    @BeforeAll
    static void start() {
        cluster = new LocalGridCluster("adaptive-limits");
        node = cluster.startNode();
        writer = new ReferenceDataWriter(node);
        new Desk(node).instrument("AD-X", "TECH", 100).account(ACCOUNT, 1_000_000)
                .limit(ACCOUNT, "GROSS", LimitMetric.GROSS_NOTIONAL, 500_000)
                .limit(ACCOUNT, "QTY", LimitMetric.POSITION_QTY, 5_000)
                .fill(ACCOUNT, "AD-X", Side.BUY, 1_000, 100);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static double[] history(int days, int spikeDays, double calm, double spike) {
        double[] r = new double[days];
        for (int d = 0; d < days; d++) {
            double size = d >= days - spikeDays ? spike : calm;
            r[d] = d % 2 == 0 ? size : -size;
        }
        return r;
    }

    private static LimitRow limit(String id) {
        return node.<LimitKey, LimitRow>cache(GridTables.LIMITS).get(new LimitKey(ACCOUNT, id));
    }

    private static List<AuditRow> adaptations() {
        return node.<String, AuditRow>cache(GridTables.AUDIT_LOG).query(new ScanQuery<String, AuditRow>()).getAll().stream()
                .map(e -> e.getValue()).filter(a -> "LIMIT_ADAPTED".equals(a.action))
                .sorted(Comparator.comparingLong(a -> a.ts)).toList();
    }

    @Test
    void aVolatilitySpikeTightensTheAdaptiveLimitAuditedAndCalmRestoresIt() {
        writer.putReturnHistory(Map.of("AD-X", history(250, 0, 0.01, 0.01)), 1_000);
        assertThat(PredictiveRisk.adaptLocal(node, 10_000, AdaptiveLimitPolicy.DEFAULT)).isZero();
        assertThat(limit("GROSS").maxValue).isEqualTo(500_000);

        writer.putReturnHistory(Map.of("AD-X", history(250, 30, 0.01, 0.06)), 2_000);
        PredictiveRisk.Forecast f = node.compute().execute(ForecastTask.NAME, ACCOUNT);
        // Long run: the root mean square of 220 days of 1% and 30 of 6%, times the 100,000 held.
        double longRun = 100_000 * Math.sqrt((220 * 0.01 * 0.01 + 30 * 0.06 * 0.06) / 250);
        assertThat(f.longRunVolatility).isCloseTo(longRun, within(1e-6));
        assertThat(f.ratio).isGreaterThan(1.25);
        double factor = Math.max(0.5, Math.round(1.25 * longRun / f.forecastVolatility * 100) / 100.0);
        assertThat(f.adaptiveFactor).isEqualTo(factor).isLessThan(1);

        assertThat(PredictiveRisk.adaptLocal(node, 20_000, AdaptiveLimitPolicy.DEFAULT)).isEqualTo(1);
        LimitRow gross = limit("GROSS");
        assertThat(gross.maxValue).isCloseTo(500_000 * factor, within(1e-6));
        assertThat(gross.configuredMax).isEqualTo(500_000);
        assertThat(gross.adaptiveFactor).isEqualTo(factor);
        assertThat(limit("QTY").maxValue).isEqualTo(5_000);
        assertThat(limit("QTY").configuredMax).isNull();
        // A second pass with the same forecast changes nothing.
        assertThat(PredictiveRisk.adaptLocal(node, 30_000, AdaptiveLimitPolicy.DEFAULT)).isZero();

        List<AuditRow> audit = adaptations();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).actor).isEqualTo("system");
        assertThat(audit.get(0).accountId).isEqualTo(ACCOUNT);
        assertThat(audit.get(0).before).isEqualTo("500000");
        assertThat(Double.parseDouble(audit.get(0).after)).isCloseTo(500_000 * factor, within(1e-6));
        assertThat(audit.get(0).triggerValue).isEqualTo(factor);
        assertThat(audit.get(0).details).contains("limit GROSS", "configured 500000");

        writer.putReturnHistory(Map.of("AD-X", history(250, 0, 0.01, 0.01)), 3_000);
        assertThat(PredictiveRisk.adaptLocal(node, 40_000, AdaptiveLimitPolicy.DEFAULT)).isEqualTo(1);
        assertThat(limit("GROSS").maxValue).isEqualTo(500_000);
        assertThat(limit("GROSS").configuredMax).isNull();
        assertThat(adaptations()).hasSize(2);
        assertThat(adaptations().get(1).after).isEqualTo("500000");
    }
}
