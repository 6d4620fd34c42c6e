package io.riskgrid.api.limit;

/**
 * A limit of an account as the limit endpoints return it: what it measures and its max value, the
 * override that raises it while one lasts, and how much of it the account uses now.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accountId         the account
 * @param limitId           the limit's id, unique within the account
 * @param scope             ACCOUNT, INSTRUMENT or SECTOR
 * @param target            the instrument or sector of an INSTRUMENT or SECTOR limit, else null
 * @param metric            GROSS_NOTIONAL, NET_NOTIONAL, POSITION_QTY, CONCENTRATION, LEVERAGE, DAILY_LOSS,
 *                          DRAWDOWN or VAR_99
 * @param maxValue          the limit as set
 * @param warnAt            the utilization from which a breach is raised, in (0, 1]
 * @param effectiveMaxValue the max value that applies now: the override's while one lasts, else {@code maxValue}
 * @param overrideValue     the max value of the override in force, null without one
 * @param overrideUntil     when that override ends, epoch ms, null without one
 * @param currentValue      the value the account's last risk computation measured, null when not known
 *                          (VaR not computed yet, or a limit set after the last computation)
 * @param utilization       current / effective max at that computation, null when not known
 * @param configuredMax     the max value as configured while an adaptive limit has tightened {@code maxValue}
 *                          (a high volatility forecast), else null
 * @param adaptiveFactor    {@code maxValue / configuredMax} while tightened, else null
 */
public record LimitView(String accountId, String limitId, String scope, String target, String metric,
                        double maxValue, double warnAt, double effectiveMaxValue, Double overrideValue,
                        Long overrideUntil, Double currentValue, Double utilization, Double configuredMax,
                        Double adaptiveFactor) {
}
