package io.riskgrid.core.limit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The reusable exposure buffer that limits are measured against. */
class AccountExposureTest {

    @Test
    void newExposureIsEmptyWithUnknownVar() {
        AccountExposure x = new AccountExposure();
        assertThat(x.size()).isZero();
        assertThat(x.equity()).isZero();
        assertThat(x.dailyPnl()).isZero();
        assertThat(x.drawdown()).isZero();
        assertThat(x.var99()).isNaN();
        assertThat(x.grossExposure()).isZero();
    }

    @Test
    void addedPositionsAreReadBackBySlot() {
        AccountExposure x = new AccountExposure()
                .add("AAPL", "TECH", 100, 15_000)
                .add("GLD", null, -30, -5_400);
        assertThat(x.size()).isEqualTo(2);
        assertThat(x.instrumentId(1)).isEqualTo("GLD");
        assertThat(x.sector(1)).isNull();
        assertThat(x.quantity(1)).isEqualTo(-30);
        assertThat(x.marketValue(1)).isEqualTo(-5_400);
        assertThat(x.indexOf("AAPL")).isZero();
        assertThat(x.indexOf("GLD")).isEqualTo(1);
        assertThat(x.indexOf("MSFT")).isEqualTo(-1);
    }

    @Test
    void growsPastItsInitialCapacityKeepingEveryPosition() {
        // Capacity 0 is raised to 1, then doubles as needed: 1 -> 2 -> 4 -> 8 for seven positions.
        AccountExposure x = new AccountExposure(0);
        for (int i = 1; i <= 7; i++) {
            x.add("I" + i, "S" + (i % 2), i, -100.0 * i);
        }
        assertThat(x.size()).isEqualTo(7);
        for (int i = 1; i <= 7; i++) {
            int slot = x.indexOf("I" + i);
            assertThat(slot).isEqualTo(i - 1);
            assertThat(x.sector(slot)).isEqualTo("S" + (i % 2));
            assertThat(x.quantity(slot)).isEqualTo(i);
            assertThat(x.marketValue(slot)).isEqualTo(-100.0 * i);
        }
        // gross = 100 * (1 + 2 + ... + 7) = 100 * 28 = 2800
        assertThat(x.grossExposure()).isCloseTo(2_800, within(1e-9));
    }

    @Test
    void grossExposureSumsAbsoluteMarketValues() {
        // |15000| + |-10000| + |-5400| = 30400
        AccountExposure x = new AccountExposure().add("A", "S", 1, 15_000).add("B", "S", -1, -10_000).add("C", null, -1, -5_400);
        assertThat(x.grossExposure()).isCloseTo(30_400, within(1e-9));
    }

    @Test
    void clearForgetsEveryPositionAndFigure() {
        AccountExposure x = new AccountExposure(2)
                .account(1_000, -50, 0.1, 25)
                .add("AAPL", "TECH", 100, 15_000)
                .add("MSFT", "TECH", -40, -10_000);
        x.clear();
        assertThat(x.size()).isZero();
        assertThat(x.indexOf("AAPL")).isEqualTo(-1);
        assertThat(x.grossExposure()).isZero();
        assertThat(x.equity()).isZero();
        assertThat(x.dailyPnl()).isZero();
        assertThat(x.drawdown()).isZero();
        assertThat(x.var99()).isNaN();
    }

    @Test
    void clearedBufferIsReusedForTheNextAccount() {
        AccountExposure x = new AccountExposure(1).add("AAPL", "TECH", 100, 15_000).add("MSFT", "TECH", -40, -10_000);
        x.clear().account(500, 0, 0, 10).add("XOM", "ENERGY", 5, 500);
        assertThat(x.size()).isEqualTo(1);
        assertThat(x.instrumentId(0)).isEqualTo("XOM");
        assertThat(x.indexOf("MSFT")).isEqualTo(-1);
        assertThat(x.grossExposure()).isCloseTo(500, within(1e-9));
        assertThat(x.var99()).isEqualTo(10);
    }

    @Test
    void leverageIsGrossOverEquityCappedAtOneThousand() {
        AccountExposure x = new AccountExposure();
        // 50000 / 20000 = 2.5
        assertThat(x.account(20_000, 0, 0, 0).leverage(50_000)).isCloseTo(2.5, within(1e-12));
        // 50000 / 20 = 2500 -> capped at 1000
        assertThat(x.account(20, 0, 0, 0).leverage(50_000)).isEqualTo(1000);
        // no positive equity -> the cap
        assertThat(x.account(0, 0, 0, 0).leverage(50_000)).isEqualTo(1000);
        assertThat(x.account(-1, 0, 0, 0).leverage(50_000)).isEqualTo(1000);
        // nothing held -> no leverage, even with no equity
        assertThat(x.account(-1, 0, 0, 0).leverage(0)).isZero();
    }
}
