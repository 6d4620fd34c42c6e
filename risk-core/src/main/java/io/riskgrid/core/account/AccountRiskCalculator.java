package io.riskgrid.core.account;

import io.riskgrid.core.risk.RiskScore;

import java.util.Collection;

/**
 * Computes an account's risk figures from its marked positions. Equity is initial equity plus
 * realized and unrealized P&L; leverage is gross exposure over equity; concentration is the largest
 * single-instrument share of gross exposure; drawdown is measured from the highest equity seen,
 * which starts at the initial equity.
 * <p>
 * This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class AccountRiskCalculator {

    /** The shared instance. */
    public static final AccountRiskCalculator DEFAULT = new AccountRiskCalculator();

    /**
     * Leverage reported when equity is zero or negative but exposure remains: the account is
     * insolvent and its leverage unbounded, which JSON cannot carry as a number.
     */
    public static final double LEVERAGE_CAP = 1000.0;

    private AccountRiskCalculator() {
    }

    /**
     * The risk of an account.
     *
     * @param initialEquity    the account's starting equity
     * @param peakEquityBefore highest equity seen before this update, or NaN if none yet
     * @param sodEquity        equity at the start of the day, or NaN to use initial equity
     * @param positions        every position of the account, marked
     */
    public AccountRisk compute(double initialEquity, double peakEquityBefore, double sodEquity,
                               Collection<PositionExposure> positions) {
        double realized = 0;
        double unrealized = 0;
        double gross = 0;
        double net = 0;
        double margin = 0;
        double largest = 0;
        String largestInstrument = null;
        for (PositionExposure p : positions) {
            realized += p.realizedPnl();
            unrealized += p.unrealizedPnl();
            double abs = Math.abs(p.marketValue());
            gross += abs;
            net += p.marketValue();
            margin += abs * p.marginRate();
            if (abs > largest) {
                largest = abs;
                largestInstrument = p.instrumentId();
            }
        }
        double equity = initialEquity + realized + unrealized;
        double peak = Double.isNaN(peakEquityBefore) ? Math.max(initialEquity, equity) : Math.max(peakEquityBefore, equity);
        double sod = Double.isNaN(sodEquity) ? initialEquity : sodEquity;
        double leverage = leverage(gross, equity);
        double concentration = gross > 0 ? largest / gross : 0;
        double drawdown = peak > 0 ? Math.max(0, (peak - equity) / peak) : 0;
        double marginUtilization = equity > 0 ? margin / equity : (margin > 0 ? 1 : 0);
        RiskScore score = RiskScore.of(0, leverage, drawdown, Double.NaN, concentration, marginUtilization);
        return new AccountRisk(equity, realized, unrealized, realized + unrealized, equity - sod, gross, net, leverage,
                margin, equity - margin, concentration, largestInstrument, peak, drawdown, sod, score);
    }

    private static double leverage(double gross, double equity) {
        if (gross == 0) {
            return 0;
        }
        return equity > 0 ? Math.min(gross / equity, LEVERAGE_CAP) : LEVERAGE_CAP;
    }
}
