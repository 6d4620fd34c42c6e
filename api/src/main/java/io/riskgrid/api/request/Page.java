package io.riskgrid.api.request;

import io.riskgrid.api.error.InvalidInputException;

/**
 * One page of a list endpoint ({@code ?limit=&offset=}): at most {@code limit} entries, skipping the
 * first {@code offset}. Shared by the lists of accounts, limits, alerts, overrides and the audit log.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param limit  most entries on the page, at least 1
 * @param offset entries skipped before the page, at least 0
 */
public record Page(int limit, int offset) {

    /** Most entries one page may hold. */
    public static final int MAX_LIMIT = 10_000;

    /**
     * A page of a request's parameters.
     *
     * @throws InvalidInputException naming {@code limit} or {@code offset} when out of range
     */
    public static Page of(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw InvalidInputException.of("offset", "offset must be zero or positive, was " + offset);
        }
        return new Page(limit, offset);
    }
}
