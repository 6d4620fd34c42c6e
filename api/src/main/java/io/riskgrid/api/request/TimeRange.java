package io.riskgrid.api.request;

import io.riskgrid.api.error.InvalidInputException;

/**
 * A closed interval of time, {@code from <= t <= to} in epoch milliseconds, either end open when
 * absent. Used to filter the audit log and the alert history.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param from earliest time included, or null
 * @param to   latest time included, or null
 */
public record TimeRange(Long from, Long to) {

    /**
     * The range of a request's {@code from} and {@code to} parameters.
     *
     * @throws InvalidInputException naming {@code from} when it is after {@code to}
     */
    public static TimeRange of(Long from, Long to) {
        if (from != null && to != null && from > to) {
            throw InvalidInputException.of("from", "from must not be after to, was from " + from + " and to " + to);
        }
        return new TimeRange(from, to);
    }
}
