package io.riskgrid.client;

import io.riskgrid.core.position.IngestResult;

import java.util.List;

/**
 * The grid rejected a batch of fills and applied none of its fills: see {@link BatchRejectedException}.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class FillRejectedException extends BatchRejectedException {

    private static final long serialVersionUID = 1L;

    FillRejectedException(List<String> problems, int firstIndex, IngestResult applied) {
        super("fill batch", problems, firstIndex, applied);
    }
}
