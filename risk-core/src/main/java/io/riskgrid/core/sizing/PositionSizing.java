package io.riskgrid.core.sizing;

import io.riskgrid.core.Guard;
import io.riskgrid.core.position.Side;

/**
 * How big a position to take: the Kelly fractions, sizes scaled to volatility, and stop-loss and
 * take-profit levels set from volatility.
 * <p>
 * <b>Kelly criterion.</b> The fraction of capital that maximizes the expected logarithm of wealth,
 * i.e. the long-run growth rate, when the same bet is repeated:
 * <ul>
 *   <li>{@link #kellyBinary}: a bet that wins b per unit staked with probability p and loses the stake
 *       otherwise. Maximizing p log(1 + b f) + (1 - p) log(1 - f) gives f* = p - (1 - p) / b. At p = 0.6
 *       and b = 1 (even money), f* = 0.2: stake 20% of capital.</li>
 *   <li>{@link #kellyContinuous}: a position whose return has mean excess return mu over the
 *       financing rate and volatility sigma, both over the same period (say a year). For small
 *       periods the growth rate of f times the position is f mu - f^2 sigma^2 / 2, maximized at
 *       f* = mu / sigma^2, a leverage: mu = 8%, sigma = 20% gives 2, twice the capital.</li>
 * </ul>
 * A negative f* means the bet has negative edge: for a binary bet, do not take it; for a traded
 * asset it points to the short side. The value is returned as it is so the size of the edge stays
 * visible. Full Kelly assumes p, b, mu and sigma are known exactly, and its swings are large, so
 * traders bet a fraction of it: the {@code kellyMultiplier} overloads return c f* with c in (0, 1]
 * (0.5 is "half Kelly", which keeps three quarters of the growth rate with half the volatility).
 * <p>
 * <b>Volatility scaling.</b> A daily volatility sigma of the price (a return standard deviation)
 * over h days grows to sigma sqrt(h), so a position of q units at price P with contract size m moves
 * by about q P m sigma sqrt(h) in one standard deviation. {@link #volatilityScaledQuantity} solves
 * that for q given a risk budget in currency; {@link #volatilityTargetWeight} gives the weight of
 * capital whose volatility equals a target (target / asset volatility).
 * <p>
 * <b>Stops.</b> {@link #stopLevels} puts the stop-loss k one-horizon standard deviations away from the
 * entry, d = k sigma sqrt(h) P, and the take-profit R times as far on the other side (R the reward
 * to risk ratio): for a long, stop P - d and target P + R d; for a short, P + d and P - R d.
 * {@link #quantityForStop} sizes the position so that being stopped out loses the risk budget.
 * <p>
 * Every method checks its arguments and throws {@link IllegalArgumentException} naming the one
 * that is wrong. This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class PositionSizing {

    /** The shared instance. */
    public static final PositionSizing DEFAULT = new PositionSizing();

    private PositionSizing() {
    }

    /**
     * The full Kelly fraction of a binary bet, f* = p - (1 - p) / b.
     *
     * @param winProbability probability p of winning, in [0, 1]
     * @param winLossRatio   b, what a win pays per unit staked (a loss costs the stake); positive
     * @return the fraction of capital to stake; negative when the bet has negative edge
     */
    public double kellyBinary(double winProbability, double winLossRatio) {
        probability(winProbability, "winProbability");
        Guard.positive(winLossRatio, "winLossRatio");
        return winProbability - (1 - winProbability) / winLossRatio;
    }

    /**
     * A fraction of the Kelly stake of a binary bet, c (p - (1 - p) / b).
     *
     * @param kellyMultiplier c, the share of full Kelly to bet, in (0, 1] (0.5 for half Kelly)
     */
    public double kellyBinary(double winProbability, double winLossRatio, double kellyMultiplier) {
        return multiplier(kellyMultiplier) * kellyBinary(winProbability, winLossRatio);
    }

    /**
     * The full Kelly leverage of a continuously traded position, f* = mu / sigma^2.
     *
     * @param expectedExcessReturn mu, expected return over the financing rate per period (0.08 = 8%)
     * @param volatility           sigma, standard deviation of the return over the same period; positive
     * @return the position as a multiple of capital; negative for the short side
     */
    public double kellyContinuous(double expectedExcessReturn, double volatility) {
        Guard.finite(expectedExcessReturn, "expectedExcessReturn");
        Guard.positive(volatility, "volatility");
        return expectedExcessReturn / (volatility * volatility);
    }

    /**
     * A fraction of the Kelly leverage, c mu / sigma^2.
     *
     * @param kellyMultiplier c, the share of full Kelly to take, in (0, 1] (0.5 for half Kelly)
     */
    public double kellyContinuous(double expectedExcessReturn, double volatility, double kellyMultiplier) {
        return multiplier(kellyMultiplier) * kellyContinuous(expectedExcessReturn, volatility);
    }

    /**
     * The quantity whose one-standard-deviation move over the horizon is the risk budget:
     * q = riskBudget / (price * contractSize * dailyVolatility * sqrt(horizonDays)). The quantity is
     * not rounded; rounding it down to whole lots keeps the risk within the budget.
     *
     * @param riskBudget      currency the position may move by in one standard deviation; positive
     * @param price           price of one unit; positive
     * @param contractSize    currency value of one unit of price per unit of quantity; positive
     * @param dailyVolatility standard deviation of the daily return (0.02 = 2%); positive
     * @param horizonDays     days the position is held or measured over; positive
     */
    public double volatilityScaledQuantity(double riskBudget, double price, double contractSize, double dailyVolatility,
                                           double horizonDays) {
        Guard.positive(riskBudget, "riskBudget");
        Guard.positive(price, "price");
        Guard.positive(contractSize, "contractSize");
        Guard.positive(dailyVolatility, "dailyVolatility");
        Guard.positive(horizonDays, "horizonDays");
        return riskBudget / (price * contractSize * dailyVolatility * Math.sqrt(horizonDays));
    }

    /**
     * The weight of capital (1 = fully invested, 2 = twice levered) at which the position's
     * volatility is the target, min(targetVolatility / assetVolatility, maxWeight). Both
     * volatilities are over the same period, usually annualized.
     *
     * @param targetVolatility volatility the position should have; positive
     * @param assetVolatility  volatility of the asset; positive
     * @param maxWeight        cap on the weight, the leverage allowed; positive
     */
    public double volatilityTargetWeight(double targetVolatility, double assetVolatility, double maxWeight) {
        Guard.positive(targetVolatility, "targetVolatility");
        Guard.positive(assetVolatility, "assetVolatility");
        Guard.positive(maxWeight, "maxWeight");
        return Math.min(targetVolatility / assetVolatility, maxWeight);
    }

    /**
     * Stop-loss and take-profit prices set {@code stopMultiple} standard deviations of the price over
     * the horizon away from the entry: d = stopMultiple * dailyVolatility * sqrt(horizonDays) *
     * entryPrice; a long (entered with a BUY) gets stop entryPrice - d and target entryPrice +
     * rewardRiskRatio * d, a short (SELL) the mirror image.
     *
     * @param side            BUY for a long position, SELL for a short
     * @param entryPrice      price the position was entered at; positive
     * @param dailyVolatility standard deviation of the daily return; positive
     * @param horizonDays     days the trade is expected to last; positive
     * @param stopMultiple    k, how many standard deviations the stop is away; positive (2 is common)
     * @param rewardRiskRatio R, the target distance over the stop distance; positive
     * @throws IllegalArgumentException also when a level would be at or below zero (the distance is
     *                                  too large for the price)
     */
    public StopLevels stopLevels(Side side, double entryPrice, double dailyVolatility, double horizonDays,
                                 double stopMultiple, double rewardRiskRatio) {
        Guard.notNull(side, "side");
        Guard.positive(entryPrice, "entryPrice");
        Guard.positive(dailyVolatility, "dailyVolatility");
        Guard.positive(horizonDays, "horizonDays");
        Guard.positive(stopMultiple, "stopMultiple");
        Guard.positive(rewardRiskRatio, "rewardRiskRatio");
        double distance = stopMultiple * dailyVolatility * Math.sqrt(horizonDays) * entryPrice;
        double stopLoss = entryPrice - side.sign() * distance;
        double takeProfit = entryPrice + side.sign() * rewardRiskRatio * distance;
        if (stopLoss <= 0) {
            throw new IllegalArgumentException("stopLoss would be " + stopLoss + ": the stop distance " + distance
                    + " (stopMultiple * dailyVolatility * sqrt(horizonDays) * entryPrice) must be less than entryPrice "
                    + entryPrice);
        }
        if (takeProfit <= 0) {
            throw new IllegalArgumentException("takeProfit would be " + takeProfit + ": the target distance "
                    + rewardRiskRatio * distance + " (rewardRiskRatio * stop distance) must be less than entryPrice "
                    + entryPrice);
        }
        return new StopLevels(stopLoss, takeProfit);
    }

    /**
     * The quantity that loses the risk budget if the stop is hit:
     * riskBudget / (|entryPrice - stopLoss| * contractSize). Not rounded; round down to whole lots.
     *
     * @param riskBudget   currency to lose at most when stopped out; positive
     * @param entryPrice   entry price; positive
     * @param stopLoss     stop price, different from the entry; positive
     * @param contractSize currency value of one unit of price per unit of quantity; positive
     */
    public double quantityForStop(double riskBudget, double entryPrice, double stopLoss, double contractSize) {
        Guard.positive(riskBudget, "riskBudget");
        Guard.positive(entryPrice, "entryPrice");
        Guard.positive(stopLoss, "stopLoss");
        Guard.positive(contractSize, "contractSize");
        if (stopLoss == entryPrice) {
            throw new IllegalArgumentException("stopLoss must differ from entryPrice, both were " + entryPrice);
        }
        return riskBudget / (Math.abs(entryPrice - stopLoss) * contractSize);
    }

    private static void probability(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }

    private static double multiplier(double kellyMultiplier) {
        if (!(kellyMultiplier > 0 && kellyMultiplier <= 1)) {
            throw new IllegalArgumentException("kellyMultiplier must be in (0, 1], was " + kellyMultiplier
                    + "; betting more than full Kelly lowers growth and adds risk");
        }
        return kellyMultiplier;
    }
}
