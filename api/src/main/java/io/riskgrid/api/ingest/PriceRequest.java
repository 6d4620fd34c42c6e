package io.riskgrid.api.ingest;

/**
 * A price as a client sends it to {@code POST /api/v1/prices}. Fields are nullable so that a
 * missing one is reported by name; {@link IngestMapping} turns it into a validated domain price.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param instrumentId instrument priced
 * @param price        price, positive
 * @param timestamp    observation time, epoch milliseconds; an older price never replaces a newer one
 */
public record PriceRequest(String instrumentId, Double price, Long timestamp) {
}
