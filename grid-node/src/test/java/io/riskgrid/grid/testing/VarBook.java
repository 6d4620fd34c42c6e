package io.riskgrid.grid.testing;

import io.riskgrid.core.position.Side;
import io.riskgrid.grid.reference.ReferenceDataWriter;

import java.util.Map;

/**
 * A book whose VaR can be worked out by hand. Two equities with a return history in which AAPL
 * alternates +2%, -2% and XOM -1%, +1%: whatever the EWMA weights, AAPL's one-day volatility is
 * exactly 2%, XOM's 1%, and their correlation is exactly -1. ACC-A holds 1,000 AAPL at 100
 * (100,000), ACC-B 2,000 XOM at 50 (100,000).
 */
public final class VarBook {

    public static final String ACC_A = "VAR-A";
    public static final String ACC_B = "VAR-B";
    public static final String AAPL = "V-AAPL";
    public static final String XOM = "V-XOM";
    public static final int HISTORY_DAYS = 40;

    /** Phi^-1(0.99) and Phi^-1(0.95), to 16 digits (published tables / scipy.stats.norm.ppf). */
    public static final double Z99 = 2.3263478740408408;
    public static final double Z95 = 1.6448536269514722;
    /** phi(Z99) = exp(-Z99^2 / 2) / sqrt(2 pi). */
    public static final double PHI_Z99 = Math.exp(-Z99 * Z99 / 2) / Math.sqrt(2 * Math.PI);

    private VarBook() {
    }

    public static void load(Desk desk) {
        desk.account(ACC_A, 1_000_000).account(ACC_B, 1_000_000)
                .instrument(AAPL, "TECH", 100).instrument(XOM, "ENERGY", 50);
        double[] aapl = new double[HISTORY_DAYS];
        double[] xom = new double[HISTORY_DAYS];
        for (int t = 0; t < HISTORY_DAYS; t++) {
            aapl[t] = t % 2 == 0 ? 0.02 : -0.02;
            xom[t] = -aapl[t] / 2;
        }
        new ReferenceDataWriter(desk.ignite()).putReturnHistory(Map.of(AAPL, aapl, XOM, xom), 1_000);
        desk.fill(ACC_A, AAPL, Side.BUY, 1_000, 100);
        desk.fill(ACC_B, XOM, Side.BUY, 2_000, 50);
    }
}
