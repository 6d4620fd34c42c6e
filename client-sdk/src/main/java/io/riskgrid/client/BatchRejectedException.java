package io.riskgrid.client;

import io.riskgrid.core.position.IngestResult;

import java.util.List;

/**
 * The grid rejected one batch of a publish call and applied nothing of that batch. A batch is
 * rejected when any entry in it is invalid (a missing field, a non-positive quantity or price, an
 * unknown account or instrument); {@link #problems()} says which entry and why, indexed by
 * position in the list the caller passed ({@code fills[1].instrumentId: unknown instrument 'X'}).
 * <p>
 * When a call was split into several batches, the batches before the rejected one stay applied
 * ({@link #applied()} counts them) and the batches after it were not sent.
 * <p>
 * Instances are immutable and thread-safe.
 */
public abstract class BatchRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final int firstIndex;
    private final transient IngestResult applied;

    BatchRejectedException(String what, List<String> problems, int firstIndex, IngestResult applied) {
        super(what + " rejected, nothing in it was applied"
                + (firstIndex > 0 ? " (the batch starting at index " + firstIndex + "; earlier batches stay applied: "
                + applied.accepted() + " accepted, " + applied.duplicates() + " duplicates)" : "")
                + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.firstIndex = firstIndex;
        this.applied = applied;
    }

    /** Why the batch was rejected, one entry per problem, indexed by position in the caller's list. */
    public List<String> problems() {
        return problems;
    }

    /** Index, in the caller's list, of the first entry of the rejected batch (0 for a single batch). */
    public int firstIndex() {
        return firstIndex;
    }

    /** What the earlier batches of the same call applied; zero when the first batch was rejected. */
    public IngestResult applied() {
        return applied;
    }
}
