package io.riskgrid.api.ingest;

/**
 * The answer to an accepted batch of prices.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accepted prices taken (a price older than the one held is taken but changes nothing)
 */
public record PricesAccepted(int accepted) {
}
