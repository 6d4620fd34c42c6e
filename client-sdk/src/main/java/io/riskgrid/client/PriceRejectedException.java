package io.riskgrid.client;

import io.riskgrid.core.position.IngestResult;

import java.util.List;

/**
 * The grid rejected a batch of prices and stored none of its prices: see {@link BatchRejectedException}.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class PriceRejectedException extends BatchRejectedException {

    private static final long serialVersionUID = 1L;

    PriceRejectedException(List<String> problems, int firstIndex, IngestResult applied) {
        super("price batch", problems, firstIndex, applied);
    }
}
