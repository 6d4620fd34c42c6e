package io.riskgrid.api.ingest;

/**
 * The answer to an accepted batch of fills.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param accepted   fills applied by this request
 * @param duplicates fills whose id had been applied before, which changed nothing
 */
public record FillsAccepted(int accepted, int duplicates) {
}
