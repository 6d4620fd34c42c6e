package io.riskgrid.core.price;

import io.riskgrid.core.Guard;

/**
 * A price observation for an instrument.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param instrumentId the instrument priced
 * @param price        strictly positive price
 * @param timestamp    observation time, epoch milliseconds; a later timestamp supersedes an earlier one
 */
public record Price(String instrumentId, double price, long timestamp) {

    public Price {
        Guard.notBlank(instrumentId, "instrumentId");
        Guard.positive(price, "price");
    }
}
