package io.riskgrid.api.alert;

/**
 * An alert as the alert endpoints return it: a limit of an account in breach, how serious it is,
 * where it is in its life, and who took it on. Times are epoch milliseconds; a figure that is not
 * known (the utilization of a limit whose figure is not computed yet) is null.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param alertId         unique id, {@code <accountId>-A<n>}
 * @param accountId       the account
 * @param limitId         the limit in breach
 * @param metric          what the limit measures (GROSS_NOTIONAL, ...)
 * @param severity        LOW, MEDIUM, HIGH or CRITICAL, from the utilization with hysteresis
 * @param status          ACTIVE, ACKNOWLEDGED, ESCALATED or RESOLVED
 * @param currentValue    the limit's value when the alert was last updated
 * @param limitValue      the limit's effective max value then
 * @param utilization     current / max then
 * @param peakUtilization the highest utilization while the alert was open
 * @param warnAt          the limit's warn level, the utilization at which a breach opens
 * @param scope           ACCOUNT, INSTRUMENT or SECTOR
 * @param target          the instrument or sector of an INSTRUMENT or SECTOR limit, else null
 * @param createdAt       when the alert was raised
 * @param updatedAt       when it last changed
 * @param severitySince   when it reached its current severity (escalation runs from here)
 * @param escalatedAt     when it was escalated, null if it was not
 * @param resolvedAt      when it was resolved, null while open
 * @param ackBy           who acknowledged it, null if nobody did
 * @param ackAt           when, null if nobody did
 * @param details         what drove the alert when the limit does not say it: for an ANOMALY alert (limit id and
 *                        metric ANOMALY, value the score, limit value the threshold) the score, the model and the
 *                        features with their shares of the score; null for limit breaches
 */
public record AlertView(String alertId, String accountId, String limitId, String metric, String severity,
                        String status, Double currentValue, Double limitValue, Double utilization,
                        Double peakUtilization, Double warnAt, String scope, String target, long createdAt,
                        long updatedAt, long severitySince, Long escalatedAt, Long resolvedAt, String ackBy,
                        Long ackAt, String details) {
}
